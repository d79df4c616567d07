package dev.waitwell.api.order;

import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Checkout: write the order (or find the same one), then start its workflow and wait a bounded time for
 * the first payment so that the answer says what was paid. The workflow is started again for a repeated
 * request too, in case the first attempt stopped between the commit and the start; if the client never
 * repeats it, {@link UnstartedOrders} starts it.
 */
@Service
class Checkout {

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

    record Result(OrderView order, boolean created) {
    }

    Result place(CheckoutRequest request) {
        CheckoutTransaction.Placement placement = transaction.place(request);
        StoredOrder order = placement.order();
        workflows.start(order);
        orders.markWorkflowStarted(order.orderId());
        OrderView view = queries.view(order);
        OrderView answered = workflows.awaitCheckout(order.orderId(), CHECKOUT_WAIT)
                .map(state -> queries.withState(view, state)).orElse(view);
        return new Result(answered, placement.created());
    }
}
