package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Takes an order's money: one charge per step, each attempt with its own idempotency step name. A declined
 * charge puts the order in {@code AWAITING_PAYMENT} until a retry, a new payment method, or the end of the grace
 * period, which cancels the order. A charge the customer's bank asks them to authenticate waits the same way, under
 * its key, until the processor resolves it ({@link #chargeResolved}), a retry checks it again, or a new method
 * replaces it.
 */
public final class PaymentCollector {

    private final PaymentActivities activities =
            Workflow.newActivityStub(PaymentActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private final Duration grace;
    private final boolean savesForLater;
    private String method;
    private String lastError;
    private PaymentIssue issue;
    private String waitingStep;
    private boolean retryRequested;
    private boolean declineOutstanding;
    private int attempts;
    private int partialRefunds;

    /**
     * @param grace how long a declined charge may stay unpaid before the order is cancelled and refunded
     * @param savesForLater whether a checkout that charges nothing saves the method for later charges (version)
     */
    public PaymentCollector(OrderRun run, String method, Duration grace, boolean savesForLater) {
        this.run = run;
        this.method = method;
        this.grace = grace;
        this.savesForLater = savesForLater;
    }

    /**
     * The plan's first charge, at checkout: the customer is present for its first attempt. A plan that charges
     * nothing now saves the method for the charges to come.
     */
    public void collectAtCheckout(ChargePurpose purpose, Money amount, OrderStatus resumeTo) {
        if (!amount.isPositive() && savesForLater) {
            saveForLater();
            return;
        }
        collect(purpose, amount, resumeTo, true);
    }

    /**
     * Charges {@code amount} without the customer present, waiting out declines and the customer's authentication
     * within the grace period. Nothing to do for zero. When a charge succeeds after waiting, the order leaves
     * {@code AWAITING_PAYMENT} for {@code resumeTo} at once.
     */
    public void collect(ChargePurpose purpose, Money amount, OrderStatus resumeTo) {
        collect(purpose, amount, resumeTo, false);
    }

    private void collect(ChargePurpose purpose, Money amount, OrderStatus resumeTo, boolean customerPresent) {
        if (!amount.isPositive()) {
            return;
        }
        Instant graceEnds = null;
        Set<ChargeOutcome.Kind> told = EnumSet.noneOf(ChargeOutcome.Kind.class);
        ChargeOutcome outcome;
        boolean present = customerPresent;
        while (!(outcome = attempt(purpose, amount, present)).paid()) {
            present = false;
            declineOutstanding = true;
            if (graceEnds == null) {
                graceEnds = WorkflowTime.now().plus(grace);
            }
            if (told.add(outcome.kind())) {
                tellCustomer(outcome, purpose, amount, graceEnds);
            }
            String waitsFor = outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER
                    ? "the customer's confirmation with their bank"
                    : "a payment retry or a new payment method";
            if (!run.waitUntil(waitsFor, graceEnds, () -> retryRequested)) {
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

    /** The first time a charge is declined, or waits on the customer's bank: the status says why, the customer hears. */
    private void tellCustomer(ChargeOutcome outcome, ChargePurpose purpose, Money amount, Instant graceEnds) {
        if (outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER) {
            run.changeStatus(
                    OrderStatus.AWAITING_PAYMENT,
                    "Payment of " + amount.display() + " needs the customer's confirmation with their bank ("
                            + outcome.issue().code() + "); waiting until " + graceEnds);
            run.notifyCustomer(run.messages()
                    .milestone(
                            Milestone.PAYMENT_ACTION_REQUIRED,
                            Milestone.PAYMENT_ACTION_REQUIRED.name() + "-" + purpose,
                            amount));
            return;
        }
        run.changeStatus(
                OrderStatus.AWAITING_PAYMENT,
                "Payment of " + amount.display() + " declined (" + lastError
                        + "); waiting for a new payment method until " + graceEnds);
        run.notifyCustomer(run.messages()
                .milestone(Milestone.PAYMENT_FAILED, Milestone.PAYMENT_FAILED.name() + "-" + purpose, amount));
    }

    private ChargeOutcome attempt(ChargePurpose purpose, Money amount, boolean customerPresent) {
        run.throwIfCancelled();
        // A charge that waits on the customer's bank is checked again under its own key: a new one would charge twice.
        String step =
                waitingStep != null ? waitingStep : purpose.name().toLowerCase(Locale.ROOT) + "-" + (attempts + 1);
        try {
            ChargeResult result = activities.charge(new ChargeRequest(
                    run.orderId(), step, purpose, amount, method, customerPresent, run.customerUrl()));
            run.recordCharge(result.amount());
            lastError = null;
            issue = null;
            waitingStep = null;
            run.recordEvent(
                    "PAYMENT_CHARGED", purpose + " of " + result.amount().display() + " charged to " + method);
            return ChargeOutcome.PAID;
        } catch (ActivityFailure failure) {
            ChargeOutcome outcome = ChargeOutcome.of(failure).orElseThrow(() -> failure);
            lastError = outcome.reason();
            issue = outcome.issue();
            boolean waits = outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER;
            waitingStep = waits ? step : null;
            run.recordEvent(
                    waits ? "PAYMENT_ACTION_REQUIRED" : "PAYMENT_DECLINED",
                    purpose + " of " + amount.display() + (waits ? " waits on the customer's bank: " : " declined: ")
                            + lastError);
            return outcome;
        } finally {
            attempts++;
        }
    }

    /** The chargeResolved signal: the charge that waits on the customer is checked again at once. */
    public void chargeResolved(ChargeResolution resolution) {
        if (waitingStep != null && resolution.chargeKey().equals(ChargeRequest.keyOf(run.orderId(), waitingStep))) {
            retryRequested = true;
        }
    }

    /**
     * Saves the method for later charges without the customer present (a {@code PAY_LATER} order at checkout).
     * An issue is only noted: the charge that meets it later handles it.
     */
    private void saveForLater() {
        SavedMethod saved = activities.saveForLater(new SaveMethodRequest(run.orderId(), method, run.customerUrl()));
        if (saved.issue() != null) {
            run.recordEvent(
                    "PAYMENT_METHOD_NOT_SAVED",
                    method + " was not saved for later charges: "
                            + saved.issue().message());
        }
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
        waitingStep = null; // the new method is charged under a new key
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

    /** What stands in the way of the charge that waits on the customer; null when none does. */
    public PaymentIssue issue() {
        return declineOutstanding ? issue : null;
    }
}
