package dev.waitwell.workflows.order;

import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.payment.ChargeResolution;
import io.temporal.workflow.Workflow;

/**
 * A do-nothing order for tests of the workflows that talk to orders (release, allocation fan-out):
 * it runs until the test ends and records the release and the units it was told of.
 */
public class OrderWorkflowStandIn implements OrderWorkflow {

    private boolean released;
    private int allocated;

    @Override
    public OrderOutcome fulfil(PlaceOrderInput input) {
        Workflow.await(() -> false);
        return null;
    }

    @Override
    public void productReleased() {
        released = true;
    }

    @Override
    public void stockAllocated(StockAllocation allocation) {
        allocated += allocation.quantity();
    }

    @Override
    public void chargeResolved(ChargeResolution resolution) {}

    @Override
    public void promiseChanged(dev.waitwell.workflows.delay.PromiseChange change) {}

    @Override
    public OrderState decide(dev.waitwell.workflows.delay.DelayDecision decision) {
        return state();
    }

    @Override
    public void validateDecide(dev.waitwell.workflows.delay.DelayDecision decision) {}

    @Override
    public OrderState awaitCheckout() {
        return state();
    }

    @Override
    public OrderState confirmShipment(Shipment shipment) {
        return state();
    }

    @Override
    public void validateConfirmShipment(Shipment shipment) {}

    @Override
    public OrderState cancel(CancellationRequest request) {
        return state();
    }

    @Override
    public void validateCancel(CancellationRequest request) {}

    @Override
    public OrderState changePaymentMethod(PaymentMethodChange change) {
        return state();
    }

    @Override
    public void validateChangePaymentMethod(PaymentMethodChange change) {}

    @Override
    public OrderState retryPayment(PaymentRetry retry) {
        return state();
    }

    @Override
    public void validateRetryPayment(PaymentRetry retry) {}

    @Override
    public OrderState state() {
        return new OrderState(
                null, null, null, 0, 0, 0, null, null, released, false, null, null, null, null, null, allocated, null,
                null, null, null);
    }
}
