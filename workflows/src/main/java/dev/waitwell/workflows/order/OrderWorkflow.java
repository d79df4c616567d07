package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseListener;
import dev.waitwell.workflows.inventory.AllocationListener;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.PaymentListener;
import dev.waitwell.workflows.preorder.ReleaseListener;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One order, from checkout to shipment or cancellation; workflow id {@link OrderWorkflowIds#of}.
 *
 * <p>Pre-order path: take the plan's first payment, confirm with the promised date, wait (months if
 * need be) for the release (the {@link #productReleased} signal, or a durable timer at the release
 * instant), remind the customer {@link OrderPolicy#preReleaseReminder()} before it, charge the balance,
 * allocate, request fulfilment, wait for the shipment, book revenue, tell the customer, finish.
 *
 * <p>Backorders are charged by plan, confirmed with the promised date, then wait in
 * {@link OrderStatus#AWAITING_STOCK} until {@link #stockAllocated} signals cover every unit (a
 * {@code PAY_LATER} order is charged then); in-stock orders are allocated at checkout. A pre-order whose
 * release finds too little stock waits the same way after its balance is charged.
 *
 * <p>A declined charge moves the order to {@link OrderStatus#AWAITING_PAYMENT}; it is retried on
 * {@link #retryPayment} or {@link #changePaymentMethod}, and the order is cancelled with a full refund
 * when {@link OrderPolicy#paymentGrace()} runs out. {@link #cancel} works at any point before shipment
 * and refunds everything paid. Updates that do not fit the order's state are rejected by their
 * validators and change nothing.
 *
 * <p>An order that waits long (for its release, its stock or the warehouse) continues as new once its
 * run's history passes {@link OrderPolicy#historyEventLimit()}: the workflow id stays, the run id changes,
 * and the next run carries on where the last one stopped ({@link PlaceOrderInput#continuation()}). Address
 * orders by workflow id only, never by run id.
 *
 * <p>Its signals are declared by the features that send them ({@link ReleaseListener}, {@link AllocationListener},
 * {@link PromiseListener}, {@link PaymentListener}), so that a release, a receipt or a promise review can tell orders without knowing this
 * workflow.
 */
@WorkflowInterface
public interface OrderWorkflow extends ReleaseListener, AllocationListener, PromiseListener, PaymentListener {

    @WorkflowMethod
    OrderOutcome fulfil(PlaceOrderInput input);

    /**
     * Decides an open delay: WAIT, SWITCH to an in-stock alternative, or CANCEL with a full refund.
     * Returns once the decision is carried out. Only while a decision is open, once, with an offered choice.
     */
    @UpdateMethod
    OrderState decide(DelayDecision decision);

    @UpdateValidatorMethod(updateName = "decide")
    void validateDecide(DelayDecision decision);

    /**
     * Waits until the checkout payment has been settled (charged, declined, or nothing to charge) and
     * returns the state then, so that checkout can answer with what was paid.
     */
    @UpdateMethod
    OrderState awaitCheckout();

    /** The warehouse confirms the shipment. Only for an order that is {@code READY_TO_SHIP}. */
    @UpdateMethod
    OrderState confirmShipment(Shipment shipment);

    @UpdateValidatorMethod(updateName = "confirmShipment")
    void validateConfirmShipment(Shipment shipment);

    /** Cancels the order and refunds everything paid; returns once done. Not after shipment. */
    @UpdateMethod
    OrderState cancel(CancellationRequest request);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(CancellationRequest request);

    /** Sets the method for the next charge; retries at once when a charge is outstanding. */
    @UpdateMethod
    OrderState changePaymentMethod(PaymentMethodChange change);

    @UpdateValidatorMethod(updateName = "changePaymentMethod")
    void validateChangePaymentMethod(PaymentMethodChange change);

    /** Retries a declined charge now; returns the state after the attempt. Only when awaiting payment. */
    @UpdateMethod
    OrderState retryPayment(PaymentRetry retry);

    @UpdateValidatorMethod(updateName = "retryPayment")
    void validateRetryPayment(PaymentRetry retry);

    @QueryMethod
    OrderState state();
}
