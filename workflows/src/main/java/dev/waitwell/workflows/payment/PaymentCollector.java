package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Takes an order's money: one charge per step, each attempt with its own idempotency step name. A declined
 * charge puts the order in {@code AWAITING_PAYMENT} until a retry, a new payment method, or the end of the grace
 * period, which cancels the order.
 */
public final class PaymentCollector {

    private final PaymentActivities activities =
            Workflow.newActivityStub(PaymentActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private final Duration grace;
    private String method;
    private String lastError;
    private boolean retryRequested;
    private boolean declineOutstanding;
    private int attempts;
    private int partialRefunds;

    /** @param grace how long a declined charge may stay unpaid before the order is cancelled and refunded */
    public PaymentCollector(OrderRun run, String method, Duration grace) {
        this.run = run;
        this.method = method;
        this.grace = grace;
    }

    /**
     * Charges {@code amount}, waiting out declines within the grace period. Nothing to do for zero. When a charge
     * succeeds after a decline, the order leaves {@code AWAITING_PAYMENT} for {@code resumeTo} at once.
     */
    public void collect(ChargePurpose purpose, Money amount, OrderStatus resumeTo) {
        if (!amount.isPositive()) {
            return;
        }
        Instant graceEnds = null;
        while (!attempt(purpose, amount)) {
            declineOutstanding = true;
            if (graceEnds == null) {
                graceEnds = WorkflowTime.now().plus(grace);
                run.changeStatus(
                        OrderStatus.AWAITING_PAYMENT,
                        "Payment of " + amount.display() + " declined (" + lastError
                                + "); waiting for a new payment method until " + graceEnds);
                run.notifyCustomer(run.messages()
                        .milestone(Milestone.PAYMENT_FAILED, Milestone.PAYMENT_FAILED.name() + "-" + purpose, amount));
            }
            if (!run.waitUntil("a payment retry or a new payment method", graceEnds, () -> retryRequested)) {
                run.requestCancellation(new CancellationRequest("payment not received within " + grace, "system"));
                run.throwIfCancelled();
            }
            retryRequested = false;
        }
        if (declineOutstanding) {
            declineOutstanding = false;
            run.changeStatus(resumeTo, "Payment of " + amount.display() + " received");
        }
        run.throwIfCancelled();
    }

    private boolean attempt(ChargePurpose purpose, Money amount) {
        run.throwIfCancelled();
        String step = purpose.name().toLowerCase(Locale.ROOT) + "-" + (attempts + 1);
        try {
            ChargeResult result = activities.charge(new ChargeRequest(run.orderId(), step, purpose, amount, method));
            run.recordCharge(result.amount());
            lastError = null;
            run.recordEvent(
                    "PAYMENT_CHARGED", purpose + " of " + result.amount().display() + " charged to " + method);
            return true;
        } catch (ActivityFailure failure) {
            if (!(failure.getCause() instanceof ApplicationFailure declined) || !isDecline(declined)) {
                throw failure;
            }
            lastError = declined.getOriginalMessage();
            run.recordEvent("PAYMENT_DECLINED", purpose + " of " + amount.display() + " declined: " + lastError);
            return false;
        } finally {
            attempts++;
        }
    }

    private static boolean isDecline(ApplicationFailure failure) {
        return BusinessFailure.of(failure)
                .filter(type ->
                        type == BusinessFailure.PAYMENT_DECLINED || type == BusinessFailure.PAYMENT_METHOD_UNKNOWN)
                .isPresent();
    }

    /** A charge was declined and nothing has been paid for it since: a retry makes sense. */
    public boolean declineOutstanding() {
        return declineOutstanding;
    }

    /** Retries now (from an update handler) and returns once that attempt is over. */
    public void retryNow() {
        int before = attempts;
        retryRequested = true;
        Workflow.await(
                () -> attempts > before || !declineOutstanding || run.status().isFinal());
    }

    /** Sets the method for the next charge; retries at once when a charge is outstanding (an update handler). */
    public void changeMethod(String paymentMethod) {
        method = paymentMethod;
        run.recordPaymentMethod(method);
        if (declineOutstanding) {
            retryNow();
        }
    }

    /** Refunds part of what was paid (a switch to a cheaper item). */
    public void refundPart(Money amount, String reason) {
        partialRefunds++;
        Money now = activities
                .refundPart(new PartialRefundRequest(run.orderId(), "partial-refund-" + partialRefunds, amount, reason))
                .refunded();
        run.recordRefund(now);
        run.recordEvent("REFUNDED", now.display() + " refunded: " + reason);
    }

    /** Refunds everything paid and not yet refunded; returns the total refunded so far. */
    public Money refundAll(String reason) {
        Money now = activities
                .refundAll(new RefundRequest(run.orderId(), run.currency(), reason))
                .refunded();
        run.recordRefund(now);
        if (now.isPositive()) {
            run.recordEvent("REFUNDED", now.display() + " refunded: " + reason);
        }
        return Money.of(run.refunded(), run.currency());
    }

    /** The money as the next run needs it. */
    public CarriedPayments carried() {
        return new CarriedPayments(method, run.paid(), run.refunded(), lastError, attempts, partialRefunds);
    }

    /**
     * A continued run: the method and step numbers go on where they stopped. The totals carried beside them are
     * read into the run's shared state when the next run starts ({@code OrderContinuation.runState()}).
     */
    public void resume(CarriedPayments carried) {
        method = carried.method();
        lastError = carried.lastError();
        attempts = carried.attempts();
        partialRefunds = carried.partialRefunds();
    }

    public String method() {
        return method;
    }

    public String lastError() {
        return lastError;
    }
}
