package dev.waitwell.api.checkout;

import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.api.order.Orders;
import dev.waitwell.api.order.StoredOrder;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checkout: write the order (or find the same one), then start its workflow and wait a bounded time for
 * the first payment so that the answer says what was paid. The workflow is started again for a repeated
 * request whose first attempt stopped between the commit and the start; if the client never repeats it, the
 * order feature's recovery sweep ({@code UnstartedOrders}) starts it. A repeated request never starts an order
 * whose start was seen (if Temporal has since lost its run, the worker's reconciler rebuilds it from the
 * database, never from the beginning), and a SHIPPED or CANCELLED order is answered from the database alone.
 */
@Service
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final Duration CHECKOUT_WAIT = Duration.ofSeconds(10);

    private final CheckoutTransaction transaction;
    private final OrderWorkflows workflows;
    private final OrderQueries queries;
    private final Orders orders;

    Checkout(CheckoutTransaction transaction, OrderWorkflows workflows, OrderQueries queries, Orders orders) {
        this.transaction = transaction;
        this.workflows = workflows;
        this.queries = queries;
        this.orders = orders;
    }

    /**
     * @param started false when Temporal did not take the workflow start: the order is stored and
     *     the recovery sweep starts it within a minute or two (the same request again starts it at once)
     * @param linkExpiresAt when the customer's signed link to the order expires
     */
    record Result(OrderView order, boolean created, boolean started, Instant linkExpiresAt) {}

    Result place(CheckoutRequest request) {
        CheckoutTransaction.Placement placement = transaction.place(request);
        StoredOrder order = placement.order();
        OrderView view = placement.created() ? queries.viewOfNew(order) : queries.view(order);
        if (order.finished()) {
            // Its run is over and Temporal may have forgotten it (a restart, a retention period): nothing to start or
            // wait for, the database is the answer.
            log.info(
                    "Order {} is {}: the repeated checkout is answered from the database",
                    order.orderId(),
                    order.status());
            return new Result(view, placement.created(), true, order.linkExpiresAt());
        }
        if (!order.workflowStarted()) {
            return startAndAwaitCheckout(order, view, placement.created());
        }
        OrderView answered = workflows
                .awaitCheckout(order.orderId(), CHECKOUT_WAIT)
                .map(state -> queries.withState(view, state))
                .orElse(view);
        return new Result(answered, placement.created(), true, order.linkExpiresAt());
    }

    /** One round trip to Temporal: the start, and the answer once the first payment is settled. */
    private Result startAndAwaitCheckout(StoredOrder order, OrderView view, boolean created) {
        OrderWorkflows.CheckoutStart start;
        try {
            start = workflows.startAwaitingCheckout(order, CHECKOUT_WAIT);
        } catch (RuntimeException temporalAway) {
            // The order is committed: answering an error would invite a retry under a new order id, a second order.
            log.warn(
                    "Order {} stored but its workflow could not be started now; the recovery sweep will: {}",
                    order.orderId(),
                    temporalAway.toString());
            return new Result(view, created, false, order.linkExpiresAt());
        }
        if (!start.started()) {
            return new Result(view, created, false, order.linkExpiresAt());
        }
        orders.markWorkflowStarted(order.orderId());
        OrderView answered =
                start.settled().map(state -> queries.withState(view, state)).orElse(view);
        return new Result(answered, created, true, order.linkExpiresAt());
    }
}
