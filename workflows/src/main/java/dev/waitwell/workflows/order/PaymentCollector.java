package dev.waitwell.workflows.order;

import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Takes an order's money: one charge per step, each attempt with its own idempotency step name. A
 * declined charge puts the order in {@code AWAITING_PAYMENT} until a retry, a new payment method, or
 * the end of the grace period, which cancels the order.
 */
final class PaymentCollector {

    private static final Set<String> DECLINES = Set.of(BusinessFailure.PAYMENT_DECLINED.name(), BusinessFailure.PAYMENT_METHOD_UNKNOWN.name());

    private final OrderWorkflowImpl order;
    private final PaymentActivities activities;
    private final PlaceOrderInput input;
    private String method;
    private long paid;
    private long refunded;
    private String lastError;
    private boolean retryRequested;
    private boolean declineOutstanding;
    private int attempts;
    private int partialRefunds;

    PaymentCollector(OrderWorkflowImpl order, PaymentActivities activities, PlaceOrderInput input) {
        this.order = order;
        this.activities = activities;
        this.input = input;
        this.method = input.paymentMethod();
    }

    /** The plan's checkout payment: all (FULL), the deposit (DEPOSIT), nothing (PAY_LATER). */
    void collectAtCheckout(OrderStatus resumeTo) {
        ChargePurpose purpose = switch (input.paymentPlan()) {
            case DEPOSIT -> ChargePurpose.DEPOSIT;
            case FULL, PAY_LATER -> ChargePurpose.FULL;
        };
        collect(purpose, input.firstPayment(), resumeTo);
    }

    /**
     * Charges {@code amount}, waiting out declines within the grace period. Nothing to do for zero. When a
     * charge succeeds after a decline, the order leaves {@code AWAITING_PAYMENT} for {@code resumeTo} at once.
     */
    void collect(ChargePurpose purpose, Money amount, OrderStatus resumeTo) {
        if (!amount.isPositive()) {
            return;
        }
        Instant graceEnds = null;
        while (!attempt(purpose, amount)) {
            declineOutstanding = true;
            if (graceEnds == null) {
                graceEnds = Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(input.policy().paymentGrace());
                order.changeStatus(OrderStatus.AWAITING_PAYMENT, "Payment of " + describe(amount) + " declined ("
                        + lastError + "); waiting for a new payment method until " + graceEnds);
                order.notifyCustomer(order.messages().milestone(Milestone.PAYMENT_FAILED,
                        Milestone.PAYMENT_FAILED.name() + "-" + purpose, amount));
            }
            if (!order.waitUntil("a payment retry or a new payment method", graceEnds, () -> retryRequested)) {
                order.requestCancellation(new CancellationRequest(
                        "payment not received within " + input.policy().paymentGrace(), "system"));
                order.throwIfCancelled();
            }
            retryRequested = false;
        }
        if (declineOutstanding) {
            declineOutstanding = false;
            order.changeStatus(resumeTo, "Payment of " + describe(amount) + " received");
        }
        order.throwIfCancelled();
    }

    /** A charge was declined and nothing has been paid for it since: a retry makes sense. */
    boolean declineOutstanding() {
        return declineOutstanding;
    }

    private boolean attempt(ChargePurpose purpose, Money amount) {
        order.throwIfCancelled();
        String step = purpose.name().toLowerCase(Locale.ROOT) + "-" + (attempts + 1);
        try {
            ChargeResult result = activities.charge(new ChargeRequest(input.orderId(), step, purpose, amount, method));
            paid += result.amount().amountMinor();
            lastError = null;
            order.recordEvent("PAYMENT_CHARGED", purpose + " of " + describe(result.amount()) + " charged to " + method);
            return true;
        } catch (ActivityFailure failure) {
            if (!(failure.getCause() instanceof ApplicationFailure declined) || !DECLINES.contains(declined.getType())) {
                throw failure;
            }
            lastError = declined.getOriginalMessage();
            order.recordEvent("PAYMENT_DECLINED", purpose + " of " + describe(amount) + " declined: " + lastError);
            return false;
        } finally {
            attempts++;
        }
    }

    /** Retries now (from an update handler) and returns once that attempt is over. */
    void retryNow() {
        int before = attempts;
        retryRequested = true;
        Workflow.await(() -> attempts > before || !declineOutstanding || order.status().isFinal());
    }

    void changeMethod(PaymentMethodChange change) {
        method = change.paymentMethod();
        order.recordPaymentMethod(method);
        if (declineOutstanding) {
            retryNow();
        }
    }

    /** Refunds part of what was paid (a switch to a cheaper item). */
    void refundPart(Money amount, String reason) {
        partialRefunds++;
        Money now = activities.refundPart(new PartialRefundRequest(input.orderId(), "partial-refund-" + partialRefunds,
                amount, reason)).refunded();
        refunded += now.amountMinor();
        order.recordEvent("REFUNDED", describe(now) + " refunded: " + reason);
    }

    /** Refunds everything paid and not yet refunded; returns the total refunded so far. */
    Money refundAll(String reason) {
        Money now = activities.refundAll(new RefundRequest(input.orderId(), currency(), reason)).refunded();
        refunded += now.amountMinor();
        if (now.isPositive()) {
            order.recordEvent("REFUNDED", describe(now) + " refunded: " + reason);
        }
        return Money.of(refunded, currency());
    }

    /** The money as the next run needs it. */
    OrderContinuation.Payments carried() {
        return new OrderContinuation.Payments(method, paid, refunded, lastError, attempts, partialRefunds);
    }

    /** A continued run: the money as the last run left it, its step numbers going on where they stopped. */
    void resume(OrderContinuation.Payments carried) {
        method = carried.method();
        paid = carried.paid();
        refunded = carried.refunded();
        lastError = carried.lastError();
        attempts = carried.attempts();
        partialRefunds = carried.partialRefunds();
    }

    long paid() {
        return paid;
    }

    long refunded() {
        return refunded;
    }

    String method() {
        return method;
    }

    String lastError() {
        return lastError;
    }

    private String currency() {
        return input.unitPrice().currency();
    }

    private static String describe(Money money) {
        return money.display();
    }
}
