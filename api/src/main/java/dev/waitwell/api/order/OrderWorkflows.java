package dev.waitwell.api.order;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.order.CheckoutInputs;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.OrderStarts;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflow;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflowIds;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's side of the order workflow: starts it, sends it updates and queries it, each with a bounded
 * wait so that a request never hangs on a workflow that no worker is serving.
 */
@Component
public class OrderWorkflows {

    static final String AWAIT_CHECKOUT = "awaitCheckout";
    static final String CONFIRM_SHIPMENT = "confirmShipment";
    static final String CANCEL = "cancel";
    static final String CHANGE_PAYMENT_METHOD = "changePaymentMethod";
    static final String RETRY_PAYMENT = "retryPayment";
    static final String DECIDE = "decide";
    private static final String STATE = "state";

    private static final Logger log = LoggerFactory.getLogger(OrderWorkflows.class);
    private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final WorkflowClient client;
    private final OrderInputs inputs;
    private final Orders orders;

    OrderWorkflows(WorkflowClient client, OrderInputs inputs, Orders orders) {
        this.client = client;
        this.inputs = inputs;
        this.orders = orders;
    }

    /**
     * Starts the order's workflow unless it runs or ran already, with its checkout input, kept first (a rebuild
     * starts from it). A finished order is never started again: the database's SHIPPED or CANCELLED decides, not whether
     * Temporal still remembers the run (a local restart, or a retention period, forgets it).
     */
    public void start(StoredOrder order) {
        if (order.finished()) {
            log.info("Order {} is {}: its workflow never runs again", order.orderId(), order.status());
            return;
        }
        try {
            WorkflowClient.start(newOrderStub(order)::fulfil, checkoutInput(order));
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            log.debug(
                    "Order workflow {} exists already",
                    alreadyStarted.getExecution().getWorkflowId());
        }
    }

    /** What {@link #startAwaitingCheckout} learnt: whether the workflow runs (or ran), and its state once settled. */
    public record CheckoutStart(boolean started, Optional<OrderState> settled) {}

    /**
     * Starts a new order's workflow and waits, in the same round trip to Temporal (update-with-start), until its
     * checkout payment is settled, at most {@code timeout}: the storefront learns at once what was paid or declined.
     * An order whose workflow ran to its end already is left alone. When the wait runs out the workflow may have
     * started or not: Temporal is asked, and an order it does not run is started by the recovery sweep.
     */
    public CheckoutStart startAwaitingCheckout(StoredOrder order, Duration timeout) {
        OrderWorkflow workflow = newOrderStub(order);
        PlaceOrderInput input = checkoutInput(order);
        try {
            OrderState settled = WorkflowCalls.bounded(
                    () -> WorkflowClient.executeUpdateWithStart(
                            workflow::awaitCheckout,
                            UpdateOptions.<OrderState>newBuilder()
                                    .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                                    .build(),
                            new WithStartWorkflowOperation<>(workflow::fulfil, input)),
                    timeout);
            return new CheckoutStart(true, Optional.of(settled));
        } catch (WorkflowExecutionAlreadyStarted ranBefore) {
            log.debug("Order workflow {} ran already", ranBefore.getExecution().getWorkflowId());
            return new CheckoutStart(true, Optional.empty());
        } catch (TimeoutException slow) {
            log.warn(
                    "Checkout of order {} not settled within {}; answering from the database",
                    order.orderId(),
                    timeout);
            return new CheckoutStart(exists(order.orderId()), Optional.empty());
        } catch (RuntimeException failed) {
            // The service failed the combined call (a test server under load sometimes does): if the run started, ask
            // it
            // again for the settled checkout, so that the answer still says what was paid.
            log.warn("Checkout of order {}: start with update failed: {}", order.orderId(), failed.toString());
            return exists(order.orderId())
                    ? new CheckoutStart(true, awaitCheckout(order.orderId(), timeout))
                    : new CheckoutStart(false, Optional.empty());
        }
    }

    /** Whether Temporal has a run of the order's workflow; false also when it cannot be asked now. */
    private boolean exists(String orderId) {
        try {
            WorkflowCalls.bounded(() -> stub(orderId).describe(), QUERY_TIMEOUT);
            return true;
        } catch (TimeoutException | RuntimeException notKnown) {
            return false;
        }
    }

    private OrderWorkflow newOrderStub(StoredOrder order) {
        return client.newWorkflowStub(
                OrderWorkflow.class,
                StartOnce.options(OrderWorkflowIds.of(order.orderId()))
                        .setTypedSearchAttributes(searchAttributes(order))
                        .setStaticSummary(summary(order))
                        .setStaticDetails(details(order))
                        .build());
    }

    /**
     * The input kept for the order, else the one built from its row now, kept first. A kept one wins: the row's
     * promise may have moved since checkout.
     */
    private PlaceOrderInput checkoutInput(StoredOrder order) {
        return orders.checkoutInput(order.orderId())
                .map(CheckoutInputs::fromJson)
                .orElseGet(() -> {
                    PlaceOrderInput built = inputs.of(order);
                    orders.keepCheckoutInput(order.orderId(), CheckoutInputs.toJson(built));
                    return built;
                });
    }

    /**
     * Asks the worker to rebuild an open order whose workflow Temporal no longer has, now rather than at the
     * reconciler's next pass, without waiting for it. One such rebuild per order at a time (a fixed workflow id);
     * a failure to ask is only logged: the reconciler rebuilds the order anyway.
     */
    void rebuildSoon(String orderId) {
        OrderRecoveryWorkflow recovery = client.newWorkflowStub(
                OrderRecoveryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(OrderRecoveryWorkflowIds.of(orderId, "found-missing"))
                        .setTaskQueue(TaskQueues.ORDERS)
                        .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                        .build());
        try {
            WorkflowClient.start(recovery::rebuild, new RebuildRequest(orderId, RebuildTrigger.RECONCILER, null));
        } catch (WorkflowExecutionAlreadyStarted alreadyAsked) {
            log.debug("Order {}: a rebuild is under way already", orderId);
        } catch (RuntimeException away) {
            log.warn("Order {}: could not ask for a rebuild now; the reconciler will: {}", orderId, away.toString());
        }
    }

    /** The state once the checkout payment is settled, or empty if that takes longer than {@code timeout}. */
    public Optional<OrderState> awaitCheckout(String orderId, Duration timeout) {
        try {
            return Optional.of(WorkflowCalls.bounded(
                    () -> stub(orderId)
                            .startUpdate(AWAIT_CHECKOUT, WorkflowUpdateStage.COMPLETED, OrderState.class)
                            .getResult(),
                    timeout));
        } catch (TimeoutException | RuntimeException e) {
            log.warn(
                    "Checkout of order {} not settled within {}; answering from the database: {}",
                    orderId,
                    timeout,
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * Sends an update and returns the state it answers.
     *
     * @throws ApiException 409 ORDER_STATE_CONFLICT when the workflow's validator rejects it, 503 when the
     *     workflow does not answer in time
     * @throws WorkflowNotFoundException when the workflow does not exist or has finished
     */
    OrderState update(String orderId, String updateName, Object argument) {
        return update(orderId, updateName, argument, ProblemCodes.ORDER_STATE_CONFLICT);
    }

    /** As {@link #update(String, String, Object)}, a rejection answered with {@code rejectionCode}. */
    OrderState update(String orderId, String updateName, Object argument, String rejectionCode) {
        try {
            return WorkflowCalls.bounded(
                    () -> stub(orderId)
                            .startUpdate(updateName, WorkflowUpdateStage.COMPLETED, OrderState.class, argument)
                            .getResult(),
                    UPDATE_TIMEOUT);
        } catch (WorkflowUpdateException rejected) {
            throw ApiException.conflict(rejectionCode, WorkflowCalls.reason(rejected, "The order cannot do this now."));
        } catch (TimeoutException slow) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The order did not answer within " + UPDATE_TIMEOUT.toSeconds() + " s; it may still apply the "
                            + "change. Read the order again before retrying.");
        }
    }

    /** The live state, or empty when the workflow cannot be queried now. */
    public Optional<OrderState> state(String orderId) {
        try {
            return Optional.of(
                    WorkflowCalls.bounded(() -> stub(orderId).query(STATE, OrderState.class), QUERY_TIMEOUT));
        } catch (TimeoutException | RuntimeException e) {
            log.info("Query of order workflow {} failed: {}", orderId, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether the order's workflow ran to its end: it completes only once the order is shipped or cancelled, even
     * when the database has not caught up. False when Temporal has no run of it, or the run was terminated, timed
     * out or failed: the worker rebuilds those.
     */
    boolean completed(String orderId) {
        try {
            return stub(orderId).describe().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
        } catch (WorkflowNotFoundException never) {
            return false;
        }
    }

    private WorkflowStub stub(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId));
    }

    /** What ops filter on in the Temporal UI; the workflow keeps them current as it goes. */
    private static SearchAttributes searchAttributes(StoredOrder order) {
        return OrderStarts.searchAttributes(
                order.status(),
                OrderKind.valueOf(order.kind()),
                order.sku(),
                order.customer().id(),
                order.promisedDate());
    }

    private static String summary(StoredOrder order) {
        return OrderStarts.summary(
                OrderKind.valueOf(order.kind()),
                order.quantity(),
                order.sku(),
                order.customer().id(),
                order.paymentPlan());
    }

    private static String details(StoredOrder order) {
        return OrderStarts.details(
                order.orderId(),
                order.quantity(),
                order.productName(),
                order.sku(),
                order.paymentPlan(),
                order.promisedDate(),
                order.customer().id());
    }
}
