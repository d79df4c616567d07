package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.PromiseKeeper;
import dev.waitwell.workflows.inventory.StockKeeper;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.order.ResumePoint.ChargeStage;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.OutstandingCharge;
import dev.waitwell.workflows.payment.PaymentCollector;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;

/**
 * The order's script in four phases: {@link #checkout}, {@link #awaitReleaseAndCharge} (pre-orders),
 * {@link #awaitStockAndFulfil} and {@link #shipWhenConfirmed}, and {@link #cancelAndRefund} when a cancellation
 * unwinds any of them. Each phase owns its continue-as-new guard: a run that continued as new skips the phases its
 * predecessor finished and resumes the wait it stopped in.
 */
final class OrderPhases {

    private final OrderActivities orders;
    private final LedgerActivities ledger;
    private final PlaceOrderInput input;
    private final OrderRun run;
    private final PaymentCollector payments;
    private final StockKeeper stock;
    private final PromiseKeeper promise;
    private final ResumePoint resumed = new ResumePoint();
    private boolean checkoutSettled;
    private boolean fulfilmentRequested;
    private Shipment shipment;

    private final boolean catchesUpBeforeReopenedDecision;
    private final boolean leavesFanOutToRelease;
    private boolean releasedByWorkflow;

    /**
     * @param catchesUpBeforeReopenedDecision see {@link OrderVersions#catchUpBeforeReopenedDecision()}
     * @param leavesFanOutToRelease see {@link OrderVersions#releaseTellsAllocations()}
     */
    OrderPhases(
            PlaceOrderInput input,
            OrderRun run,
            PaymentCollector payments,
            StockKeeper stock,
            PromiseKeeper promise,
            boolean catchesUpBeforeReopenedDecision,
            boolean leavesFanOutToRelease) {
        this.catchesUpBeforeReopenedDecision = catchesUpBeforeReopenedDecision;
        this.leavesFanOutToRelease = leavesFanOutToRelease;
        this.input = input;
        this.run = run;
        this.orders = run.databaseSteps(OrderActivities.class);
        this.ledger = run.databaseSteps(LedgerActivities.class);
        this.payments = payments;
        this.stock = stock;
        this.promise = promise;
    }

    /**
     * A run that continues an earlier one: checkout is done, and the script resumes at {@code phase}. A run
     * rebuilt while a charge was outstanding resumes at that charge instead, wherever the script makes it.
     */
    void resumeAt(
            OrderPhase phase,
            int number,
            boolean fulfilmentWasRequested,
            OutstandingCharge outstanding,
            long balanceChargedByTheLostRun) {
        resumed.resume(
                phase,
                number,
                outstanding == null ? null : chargeStageOf(outstanding.purpose()),
                balanceChargedByTheLostRun);
        fulfilmentRequested = fulfilmentWasRequested;
        checkoutSettled = !resumed.resumesAtCheckoutCharge();
    }

    /** Where the script makes a charge of {@code purpose}, for this order as it stands. */
    private ChargeStage chargeStageOf(ChargePurpose purpose) {
        if (purpose != ChargePurpose.BALANCE) {
            return ChargeStage.CHECKOUT;
        }
        if (run.switched()) {
            return ChargeStage.SWITCH;
        }
        return input.kind() == OrderKind.PREORDER ? ChargeStage.RELEASE : ChargeStage.STOCK;
    }

    private Money balanceChargedBefore() {
        return resumed.balanceChargedBefore(run.currency());
    }

    /** The plan's first payment (all, the deposit, or nothing), then the confirmation with the promised date. */
    void checkout() {
        if (resumed.resumed() && !resumed.resumesChargeAt(ChargeStage.CHECKOUT)) {
            return;
        }
        ChargePurpose purpose = switch (input.paymentPlan()) {
            case DEPOSIT -> ChargePurpose.DEPOSIT;
            case FULL, PAY_LATER -> ChargePurpose.FULL;
        };
        if (!resumed.resumed()) {
            payments.collectAtCheckout(purpose, input.firstPayment(), run.status());
        } else {
            payments.collect(purpose, input.firstPayment(), input.atCheckout().status());
        }
        checkoutSettled = true;
        run.throwIfCancelled();
        run.notifyCustomer(run.messages().milestone(Milestone.CONFIRMED, run.netPaid()));
    }

    /**
     * Pre-orders: the reminder before the release, the release itself (the signal, or the timer at its date,
     * which a promise change may move), then the balance. An order switched to an in-stock item meanwhile skips
     * the release's steps.
     */
    void awaitReleaseAndCharge() {
        if (input.kind() != OrderKind.PREORDER || resumed.atOrAfter(OrderPhase.STOCK)) {
            return;
        }
        if (!resumed.resumesChargeAt(ChargeStage.RELEASE)) {
            awaitRelease();
            if (run.switched()) {
                return;
            }
            run.recordEventOnce("PRODUCT_RELEASED", run.item().productName() + " is released");
            stock.joinQueueOnRelease(releasedByWorkflow && leavesFanOutToRelease);
        }
        Money balance = run.due();
        payments.collect(ChargePurpose.BALANCE, balance, OrderStatus.AWAITING_STOCK);
        Money charged = balance.plus(balanceChargedBefore());
        run.notifyCustomer(
                run.messages().milestone(charged.isPositive() ? Milestone.CHARGED : Milestone.RELEASED, charged));
    }

    private void awaitRelease() {
        if (!resumed.atOrAfter(OrderPhase.RELEASE)) {
            promise.await(
                    OrderPhase.RELEASE_REMINDER, "the pre-release reminder", this::reminderDue, run::released, false);
            if (!run.released()) {
                run.notifyCustomer(run.messages().milestone(Milestone.RELEASE_REMINDER, run.due()));
            }
        }
        promise.await(OrderPhase.RELEASE, "the product's release", promise::releaseAt, run::released, false);
        releasedByWorkflow = run.released();
        run.markReleased();
    }

    private Instant reminderDue() {
        Instant releaseAt = promise.releaseAt();
        return releaseAt == null ? null : releaseAt.minus(input.policy().preReleaseReminder());
    }

    /**
     * Every unit allocated (waiting in {@code AWAITING_STOCK} as long as it takes, the promise kept on the way),
     * what backorders and in-stock orders still owe charged, and the warehouse asked to ship.
     */
    void awaitStockAndFulfil() {
        if (resumed.atOrAfter(OrderPhase.SHIPMENT)) {
            return;
        }
        if (resumed.resumesChargeAt(ChargeStage.SWITCH)) {
            promise.finishSwitch();
        }
        // A decision reopened from the database is answered first, even when the units came meanwhile; units allocated
        // while no workflow could be told are counted before it (their signals went nowhere).
        boolean reopened = promise.reopensDecision();
        if (reopened && catchesUpBeforeReopenedDecision) {
            stock.catchUpIfBehind();
        }
        if (reopened || stock.prepareToWait()) {
            promise.await(OrderPhase.STOCK, "stock to be allocated", () -> null, stock::complete, true);
        }
        Money balance = run.due();
        if (input.kind() != OrderKind.PREORDER && balance.isPositive()) {
            payments.collect(ChargePurpose.BALANCE, balance, OrderStatus.READY_TO_SHIP);
            run.notifyCustomer(run.messages().milestone(Milestone.CHARGED, balance));
        } else if (input.kind() != OrderKind.PREORDER && balanceChargedBefore().isPositive()) {
            // Rebuilt after the lost run charged the balance: the customer is told (once: the message's key).
            run.notifyCustomer(run.messages().milestone(Milestone.CHARGED, balanceChargedBefore()));
        }
        run.throwIfCancelled();
        orders.requestFulfilment(
                new FulfilmentRequest(input.orderId(), run.item().sku(), input.quantity(), input.customer()));
        fulfilmentRequested = true;
        run.changeStatus(OrderStatus.READY_TO_SHIP, "Paid and allocated; the warehouse was asked to ship");
    }

    /** The warehouse's confirmation (as long as it takes), then the revenue booked and the customer told. */
    void shipWhenConfirmed() {
        run.waitUntil("the warehouse's shipment confirmation", null, () -> shipment != null || run.mayContinueAsNew());
        if (shipment == null) {
            run.continueAsNew(OrderPhase.SHIPMENT);
        }
        orders.recordShipment(new ShipmentRecord(input.orderId(), shipment));
        stock.dispatch();
        ledger.recognizeRevenue(new RevenueRecognition(input.orderId(), run.netPaid()));
        run.changeStatus(
                OrderStatus.SHIPPED, "Shipped with " + shipment.carrier() + ", tracking " + shipment.trackingNumber());
        run.notifyCustomer(run.messages().shipped(shipment.carrier(), shipment.trackingNumber()));
    }

    /** A cancellation unwound the script: units back to the queue, everything paid refunded, the customer told. */
    void cancelAndRefund() {
        CancellationRequest cancellation = run.cancellation();
        // Units go back to the queue before the refund: a slow gateway must not hold stock others wait for.
        if (promise.enabled()) {
            stock.giveBack();
        }
        // A charge still waiting on the customer's bank is let go of first: it must never succeed after this.
        payments.letGoOfWaitingCharge();
        Money refunded = payments.refunds().refundAll(cancellation.reason());
        if (!promise.enabled()) {
            stock.giveBack();
        }
        run.markCancelled(
                "Cancelled by " + cancellation.requestedBy() + ": " + cancellation.reason() + "; refunded "
                        + refunded.display(),
                cancellation.reason());
        run.notifyCustomer(run.messages().cancelled(refunded, cancellation.reason()));
    }

    /** The order as the query and the updates answer it: the run's state, the steps' and the script's. */
    OrderState state() {
        CancellationRequest cancellation = run.cancellation();
        return new OrderState(
                input.orderId(),
                run.status(),
                run.currency(),
                run.total().amountMinor(),
                run.paid(),
                run.refunded(),
                payments.method(),
                run.promisedDate(),
                run.released(),
                checkoutSettled,
                payments.lastError(),
                run.waitingFor(),
                run.waitingUntil(),
                shipment,
                cancellation == null ? null : cancellation.reason(),
                stock.allocatedUnits(),
                promise.openDecision(),
                run.item().sku(),
                promise.rewardCode(),
                payments.issue());
    }

    /** The confirmShipment update's fact; the wait in {@link #shipWhenConfirmed} acts on it. */
    void shipmentConfirmed(Shipment confirmed) {
        shipment = confirmed;
    }

    int runNumber() {
        return resumed.runNumber();
    }

    boolean checkoutSettled() {
        return checkoutSettled;
    }

    boolean fulfilmentRequested() {
        return fulfilmentRequested;
    }

    Shipment shipment() {
        return shipment;
    }
}
