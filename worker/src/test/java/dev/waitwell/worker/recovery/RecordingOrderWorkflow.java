package dev.waitwell.worker.recovery;

import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.order.OrderOutcome;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.PaymentMethodChange;
import dev.waitwell.workflows.order.PaymentRetry;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.order.Shipment;
import dev.waitwell.workflows.payment.ChargeResolution;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the order workflow under its real interface, so that a start by the rebuilder can be observed: it
 * keeps the input it was started with (by order id) and runs until the test ends.
 */
public class RecordingOrderWorkflow implements OrderWorkflow {

    /** The input of the latest start of each order (tests only: a replay would put the same input back). */
    static final Map<String, PlaceOrderInput> STARTED = new ConcurrentHashMap<>();

    /** The input {@code orderId}'s run was started with, once its first workflow task ran (up to 10 s). */
    static PlaceOrderInput startedWith(String orderId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!STARTED.containsKey(orderId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run of order " + orderId + " never started");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return STARTED.get(orderId);
    }

    @Override
    public OrderOutcome fulfil(PlaceOrderInput input) {
        STARTED.put(input.orderId(), input);
        Workflow.await(() -> false);
        return null;
    }

    @Override
    public void productReleased() {}

    @Override
    public void stockAllocated(StockAllocation allocation) {}

    @Override
    public void promiseChanged(PromiseChange change) {}

    @Override
    public void chargeResolved(ChargeResolution resolution) {}

    @Override
    public OrderState decide(DelayDecision decision) {
        return null;
    }

    @Override
    public void validateDecide(DelayDecision decision) {}

    @Override
    public OrderState awaitCheckout() {
        return null;
    }

    @Override
    public OrderState confirmShipment(Shipment shipment) {
        return null;
    }

    @Override
    public void validateConfirmShipment(Shipment shipment) {}

    @Override
    public OrderState cancel(CancellationRequest request) {
        return null;
    }

    @Override
    public void validateCancel(CancellationRequest request) {}

    @Override
    public OrderState changePaymentMethod(PaymentMethodChange change) {
        return null;
    }

    @Override
    public void validateChangePaymentMethod(PaymentMethodChange change) {}

    @Override
    public OrderState retryPayment(PaymentRetry retry) {
        return null;
    }

    @Override
    public void validateRetryPayment(PaymentRetry retry) {}

    @Override
    public OrderState state() {
        return null;
    }
}
