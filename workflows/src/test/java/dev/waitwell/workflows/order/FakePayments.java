package dev.waitwell.workflows.order;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory card processor for workflow tests: {@code pm_declined} declines, anything else pays.
 * Idempotent by key like the real one, and it remembers every call so tests can assert on money moved. A charge that
 * carries its timeline entry writes it with its success, as the worker's does, to the timeline given by
 * {@link #writingEventsTo}.
 */
class FakePayments implements PaymentActivities {

    static final String DECLINING_METHOD = "pm_declined";
    /** A card whose bank asks the customer to authenticate every charge, until {@link #authenticate} says they did. */
    static final String AUTHENTICATING_METHOD = "pm_authenticating";

    private final java.util.Set<String> authenticated = new java.util.HashSet<>();
    final java.util.List<dev.waitwell.workflows.payment.SaveMethodRequest> saved = new ArrayList<>();

    final Map<String, ChargeRequest> charged = new LinkedHashMap<>();
    final List<ChargeRequest> declined = new ArrayList<>();
    final List<RefundRequest> refundRequests = new ArrayList<>();
    private final Map<String, Long> refundedByOrder = new LinkedHashMap<>();
    /** When set, charges wait for it: lets a test act while a charge is in flight. */
    volatile java.util.concurrent.CountDownLatch chargesHeld;
    /** A permit for each charge that began waiting for {@link #chargesHeld}: a test knows one is in flight. */
    final java.util.concurrent.Semaphore chargesWaiting = new java.util.concurrent.Semaphore(0);
    /**
     * Charges to answer with a technical failure no retry will mend (as a processor that gave no answer in time),
     * before charging again; each failed call is counted in {@link #unsettled}.
     */
    volatile int unsettledNext;

    final List<String> unsettled = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile dev.waitwell.workflows.lifecycle.TimelineActivities timeline;

    /** Charges write the timeline entries they carry to {@code writes}, once per charge key. */
    FakePayments writingEventsTo(dev.waitwell.workflows.lifecycle.TimelineActivities writes) {
        this.timeline = writes;
        return this;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        if (unsettledNext > 0) {
            unsettledNext--;
            unsettled.add(request.idempotencyKey());
            throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                    "the processor did not answer in time", "ProcessorTimeout");
        }
        java.util.concurrent.CountDownLatch held = chargesHeld;
        if (held != null) {
            chargesWaiting.release();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return chargeNow(request);
    }

    private synchronized ChargeResult chargeNow(ChargeRequest request) {
        if (DECLINING_METHOD.equals(request.paymentMethod())) {
            declined.add(request);
            throw BusinessFailure.PAYMENT_DECLINED.raise(
                    "Your card was declined.",
                    dev.waitwell.workflows.payment.PaymentIssue.declined("card_declined", "Your card was declined."));
        }
        if (AUTHENTICATING_METHOD.equals(request.paymentMethod())
                && !authenticated.contains(request.idempotencyKey())) {
            throw BusinessFailure.PAYMENT_ACTION_REQUIRED.raise(
                    "authentication required",
                    new dev.waitwell.workflows.payment.PaymentIssue(
                            dev.waitwell.workflows.payment.PaymentIssue.AUTHENTICATION_REQUIRED,
                            "Your bank asks you to confirm this payment.",
                            "https://bank.test/confirm/" + request.idempotencyKey()));
        }
        boolean first = charged.putIfAbsent(request.idempotencyKey(), request) == null;
        if (first && request.chargedEvent() != null && timeline != null) {
            timeline.recordEvent(request.chargedEvent());
        }
        return new ChargeResult("ch_" + request.idempotencyKey(), request.amount());
    }

    @Override
    public synchronized RefundResult refundAll(RefundRequest request) {
        refundRequests.add(request);
        long paid = charged.values().stream()
                .filter(c -> c.orderId().equals(request.orderId()))
                .mapToLong(c -> c.amount().amountMinor())
                .sum();
        long due = paid - refundedByOrder.getOrDefault(request.orderId(), 0L);
        refundedByOrder.merge(request.orderId(), due, Long::sum);
        return new RefundResult(Money.of(due, request.currency()));
    }

    @Override
    public synchronized RefundResult refundPart(dev.waitwell.workflows.payment.PartialRefundRequest request) {
        refundRequests.add(new RefundRequest(request.orderId(), request.amount().currency(), request.reason()));
        refundedByOrder.merge(request.orderId(), request.amount().amountMinor(), Long::sum);
        return new RefundResult(request.amount());
    }

    final java.util.List<String> cancelledWaiting = new ArrayList<>();

    @Override
    public synchronized dev.waitwell.workflows.payment.WaitingChargeCancellation cancelWaitingCharge(
            ChargeRequest request) {
        if (authenticated.contains(request.idempotencyKey())) {
            boolean first = charged.putIfAbsent(request.idempotencyKey(), request) == null;
            if (first && request.chargedEvent() != null && timeline != null) {
                timeline.recordEvent(request.chargedEvent());
            }
            return new dev.waitwell.workflows.payment.WaitingChargeCancellation(
                    new ChargeResult("ch_" + request.idempotencyKey(), request.amount()));
        }
        cancelledWaiting.add(request.idempotencyKey());
        return new dev.waitwell.workflows.payment.WaitingChargeCancellation(null);
    }

    /** The customer confirmed the charge under {@code key} with their bank: it succeeds when checked again. */
    synchronized void authenticate(String key) {
        authenticated.add(key);
    }

    @Override
    public synchronized dev.waitwell.workflows.payment.SavedMethod saveForLater(
            dev.waitwell.workflows.payment.SaveMethodRequest request) {
        saved.add(request);
        return new dev.waitwell.workflows.payment.SavedMethod("seti_" + request.orderId(), null);
    }

    @Override
    public dev.waitwell.workflows.payment.ReconciledRefunds reconcileRefunds(
            dev.waitwell.workflows.payment.RefundReconciliation reconciliation) {
        throw new UnsupportedOperationException("order workflows never reconcile refunds");
    }

    synchronized long totalCharged() {
        return charged.values().stream()
                .mapToLong(c -> c.amount().amountMinor())
                .sum();
    }

    synchronized long totalRefunded() {
        return refundedByOrder.values().stream().mapToLong(Long::longValue).sum();
    }
}
