package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.AlternativeSwitch;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseKeeper;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockKeeper;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.DatabaseSteps;
import dev.waitwell.workflows.lifecycle.OrderCancelled;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.ChargeResolution;
import dev.waitwell.workflows.payment.PaymentCollector;
import io.temporal.workflow.Workflow;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The order workflow. {@link #fulfil} reads as the order's four phases ({@link OrderPhases}); the steps share the
 * run's state ({@link OrderRun}), which the query answers. Waits end on a fact (signal or update) or on a durable
 * timer. A long wait continues as new once the run's history passes its budget, and the next run resumes the
 * script at that wait.
 */
public class OrderWorkflowImpl implements OrderWorkflow {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private PlaceOrderInput input;
    private OrderRun run;
    private PaymentCollector payments;
    private StockKeeper stock;
    private PromiseKeeper promise;
    private OrderPhases phases;
    private final EarlyMessages early = new EarlyMessages();

    @Override
    public OrderOutcome fulfil(PlaceOrderInput input) {
        start(input);
        try {
            phases.checkout();
            phases.awaitReleaseAndCharge();
            phases.awaitStockAndFulfil();
            phases.shipWhenConfirmed();
        } catch (OrderCancelled cancelled) {
            phases.cancelAndRefund();
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        return new OrderOutcome(input.orderId(), run.status(), run.currency(), run.paid(), run.refunded());
    }

    /**
     * Builds the run. The version markers come first in the run's first workflow task, after any update accepted
     * with the start (as recorded histories have them), so this is not a {@code @WorkflowInit} constructor: what
     * handlers receive before it waits in {@link EarlyMessages} and is applied here.
     */
    private void start(PlaceOrderInput input) {
        OrderVersions versions = OrderVersions.ofThisRun();
        OrderContinuation carried = input.continuation();
        this.input = input;
        this.run = new OrderRun(
                input.facts(),
                carried == null ? input.atCheckout() : carried.runState(),
                versions.searchAttributes(),
                versions.continueAsNew() ? input.policy().historyEventLimit() : 0,
                new DatabaseSteps(versions.localDatabaseSteps(), versions.messagesQueued()));
        this.payments = new PaymentCollector(
                run,
                input.paymentMethod(),
                input.policy().paymentGrace(),
                versions.paymentSetup(),
                versions.paymentRetries(),
                versions.localChargeWhileCustomerWaits(),
                versions.localChargesWithoutCustomer(),
                versions.chargeWritesItsEvent(),
                versions.forgetsReplacedChargeOncePaid());
        this.stock =
                new StockKeeper(run, input.allocatedAtCheckout(), versions.allocationQueue(), versions.delayProcess());
        this.promise = new PromiseKeeper(
                run, input.promiseTerms(), new AlternativeSwitch(run, payments, stock), versions.delayProcess());
        run.continuesAsNewWith(this::continueAsNew);
        if (versions.stableTimelineKeys()) {
            run.useStableTimelineKeys(carried == null ? Map.of() : carried.timelineCounts());
        }
        OrderPhases script = new OrderPhases(
                input,
                run,
                payments,
                stock,
                promise,
                versions.catchUpBeforeReopenedDecision(),
                versions.releaseTellsAllocations());
        if (carried == null) {
            log.info(
                    "Order {} started: {} x{} {}", input.orderId(), input.sku(), input.quantity(), input.paymentPlan());
        } else {
            resume(script, carried);
        }
        early.applyTo(run, stock, promise, carried == null, versions.earlyMessages());
        this.phases = script;
    }

    /** A run that continues an earlier one, or one rebuilt from the database: every step goes on where it stood. */
    private void resume(OrderPhases script, OrderContinuation carried) {
        script.resumeAt(
                carried.phase(),
                carried.run(),
                carried.fulfilmentRequested(),
                carried.outstandingCharge(),
                carried.balanceChargedBefore());
        payments.resume(carried.payments());
        if (carried.outstandingCharge() != null) {
            payments.resumeOutstanding(carried.outstandingCharge());
        }
        stock.resume(carried.stock());
        promise.resume(carried.delays());
        if (carried.openDecision() != null) {
            promise.reopen(carried.openDecision());
        }
        if (carried.rebuiltAt() != null) {
            log.info(
                    "Order {} rebuilt from the database read at {}: resumes {} in {}",
                    input.orderId(),
                    carried.rebuiltAt(),
                    carried.phase(),
                    carried.status());
        } else {
            log.info("Order {} resumes {} in run {}", input.orderId(), carried.phase(), carried.run());
        }
    }

    /** Whether {@link #start} has built the run; a message that comes with the start finds it not built yet. */
    private boolean started() {
        return phases != null;
    }

    /** For validators of updates that need the run's state: one that came with the start is refused, to send again. */
    private void requireStarted() {
        if (!started()) {
            throw new IllegalStateException("The order's workflow is starting; try again in a moment");
        }
    }

    /** Ends this run; the next one resumes {@code phase} with everything gathered so far. Never returns. */
    private void continueAsNew(OrderPhase phase) {
        OrderContinuation next = OrderContinuation.of(
                phases.runNumber() + 1,
                phase,
                run.state(),
                phases.fulfilmentRequested(),
                payments.carried(),
                stock.carried(),
                promise.carried(),
                payments.outstanding(),
                run.timelineCounts());
        log.info(
                "Order {} continues as new at {} after {} history events (run {} follows)",
                input.orderId(),
                phase,
                Workflow.getInfo().getHistoryLength(),
                next.run());
        Workflow.continueAsNew(input.continuedWith(next));
    }

    // ---- signals, updates, query

    @Override
    public void productReleased() {
        if (!started()) {
            early.released();
            return;
        }
        run.markReleased();
    }

    @Override
    public void stockAllocated(StockAllocation allocation) {
        if (!started()) {
            early.allocated(allocation);
            return;
        }
        stock.allocated(allocation);
    }

    @Override
    public void promiseChanged(PromiseChange change) {
        if (!started()) {
            early.promiseChanged(change);
            return;
        }
        promise.promiseChanged(change);
    }

    @Override
    public void chargeResolved(ChargeResolution resolution) {
        if (started()) { // a charge that waits on the customer exists only once the run does
            payments.chargeResolved(resolution);
        }
    }

    @Override
    public void validateDecide(DelayDecision decision) {
        requireStarted();
        promise.validateDecision(decision);
    }

    @Override
    public OrderState decide(DelayDecision decision) {
        promise.decideNow(decision);
        return state();
    }

    @Override
    public OrderState awaitCheckout() {
        Workflow.await(() -> started()
                && (phases.checkoutSettled()
                        || run.status() == OrderStatus.AWAITING_PAYMENT
                        || run.status().isFinal()));
        return state();
    }

    @Override
    public void validateConfirmShipment(Shipment shipment) {
        requireStarted();
        OrderUpdateRules.requireShippable(
                input.orderId(),
                run.status(),
                phases.fulfilmentRequested(),
                phases.shipment() != null,
                run.cancellationPending());
    }

    @Override
    public OrderState confirmShipment(Shipment shipment) {
        phases.shipmentConfirmed(shipment);
        Workflow.await(() -> run.status().isFinal());
        return state();
    }

    @Override
    public void validateCancel(CancellationRequest request) {
        if (!started()) {
            return; // nothing has happened yet that a cancellation could come too late for
        }
        OrderUpdateRules.requireCancellable(
                input.orderId(), run.status(), run.cancellationPending(), phases.shipment() != null);
    }

    @Override
    public OrderState cancel(CancellationRequest request) {
        if (started()) {
            run.requestCancellation(request);
        } else {
            early.cancel(request);
        }
        Workflow.await(() -> started() && run.status().isFinal());
        return state();
    }

    @Override
    public void validateChangePaymentMethod(PaymentMethodChange change) {
        requireStarted();
        OrderUpdateRules.requirePaymentMethodChangeable(input.orderId(), run.status());
    }

    @Override
    public OrderState changePaymentMethod(PaymentMethodChange change) {
        payments.changeMethod(change.paymentMethod(), PaymentMethodChange.BY_THE_CUSTOMER.equals(change.requestedBy()));
        return state();
    }

    @Override
    public void validateRetryPayment(PaymentRetry retry) {
        requireStarted();
        OrderUpdateRules.requireDeclinedCharge(input.orderId(), run.status(), payments.declineOutstanding());
    }

    @Override
    public OrderState retryPayment(PaymentRetry retry) {
        payments.retryNow();
        return state();
    }

    @Override
    public OrderState state() {
        requireStarted();
        return phases.state();
    }
}
