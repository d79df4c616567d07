package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
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
    private final PaymentRefunds refunds;
    private final Duration grace;
    private final boolean savesForLater;
    private String method;
    private String lastError;
    private PaymentIssue issue;
    private final BankWait bank = new BankWait();
    private final boolean clearsStaleRetries;
    private boolean customerPresentNext;
    private boolean retryRequested;
    private boolean declineOutstanding;
    private int attempts;
    private OutstandingCharge outstanding;

    /**
     * @param grace how long a declined charge may stay unpaid before the order is cancelled and refunded
     * @param savesForLater whether a checkout that charges nothing saves the method for later charges (version)
     * @param clearsStaleRetries whether a retry asked for while a charge ran is forgotten once the money is in, so
     *     that it never fires on the next charge (version)
     */
    public PaymentCollector(
            OrderRun run, String method, Duration grace, boolean savesForLater, boolean clearsStaleRetries) {
        this.run = run;
        this.refunds = new PaymentRefunds(run);
        this.method = method;
        this.grace = grace;
        this.savesForLater = savesForLater;
        this.clearsStaleRetries = clearsStaleRetries;
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
        customerPresentNext = true;
        collect(purpose, amount, resumeTo);
    }

    /**
     * Charges {@code amount} without the customer present, waiting out declines and the customer's authentication
     * within the grace period. Nothing to do for zero. When a charge succeeds after waiting, the order leaves
     * {@code AWAITING_PAYMENT} for {@code resumeTo} at once.
     */
    public void collect(ChargePurpose purpose, Money amount, OrderStatus resumeTo) {
        OutstandingCharge resumed = takeOutstanding(purpose);
        if (resumed != null) {
            collectOutstanding(resumed, resumeTo);
            return;
        }
        if (!amount.isPositive()) {
            return;
        }
        if (clearsStaleRetries) {
            retryRequested = false;
        }
        collect(purpose, amount, resumeTo, attempt(purpose, amount), null, EnumSet.noneOf(ChargeOutcome.Kind.class));
    }

    /**
     * A rebuilt run reaches the charge its order was waiting on: it waits on, with the grace counted from the first
     * decline and the customer told already. A retry asked for before the script got here is kept.
     */
    private void collectOutstanding(OutstandingCharge charge, OrderStatus resumeTo) {
        ChargeOutcome waiting = outcomeOf(charge);
        collect(
                charge.purpose(),
                Money.of(charge.amount(), run.currency()),
                resumeTo,
                waiting,
                charge.declinedAt().plus(grace),
                EnumSet.of(waiting.kind()));
    }

    private void collect(
            ChargePurpose purpose,
            Money amount,
            OrderStatus resumeTo,
            ChargeOutcome first,
            Instant graceEnds,
            Set<ChargeOutcome.Kind> told) {
        ChargeOutcome outcome = first;
        for (; !outcome.paid(); outcome = attempt(purpose, amount)) {
            declineOutstanding = true;
            if (graceEnds == null) {
                graceEnds = WorkflowTime.now().plus(grace);
            }
            if (told.add(outcome.kind())) {
                PaymentNotices.tell(run, outcome, purpose, amount, graceEnds);
            }
            String waitsFor = outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER
                    ? "the customer's confirmation with their bank"
                    : "a payment retry or a new payment method";
            if (!run.waitUntil(waitsFor, graceEnds, () -> retryRequested)) {
                if (completedAfterAll(bank.takeWaiting())) {
                    break; // the customer confirmed with their bank as time ran out
                }
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

    private ChargeOutcome attempt(ChargePurpose purpose, Money amount) {
        run.throwIfCancelled();
        if (completedAfterAll(bank.takeReplaced())) {
            return ChargeOutcome.PAID; // the customer confirmed the charge a new method was to replace
        }
        boolean present = customerPresentNext;
        customerPresentNext = false;
        // A charge that waits on the customer's bank is checked again under its own key: a new one would charge twice.
        ChargeRequest request = bank.waiting() != null
                ? bank.waiting()
                : new ChargeRequest(
                        run.orderId(),
                        purpose.name().toLowerCase(Locale.ROOT) + "-" + (attempts + 1),
                        purpose,
                        amount,
                        method,
                        present,
                        run.customerUrl());
        int changesAtStart = bank.startAttempt();
        try {
            ChargeResult result = activities.charge(request);
            paid(result, purpose);
            return ChargeOutcome.PAID;
        } catch (ActivityFailure failure) {
            ChargeOutcome outcome = ChargeOutcome.of(failure).orElseThrow(() -> failure);
            lastError = outcome.reason();
            issue = outcome.issue();
            boolean waits = outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER;
            if (waits) {
                bank.waitsOn(request, changesAtStart);
            } else {
                bank.settled();
            }
            run.recordEvent(
                    waits ? "PAYMENT_ACTION_REQUIRED" : "PAYMENT_DECLINED",
                    purpose + " of " + amount.display() + (waits ? " waits on the customer's bank: " : " declined: ")
                            + lastError);
            return outcome;
        } finally {
            attempts++;
        }
    }

    private void paid(ChargeResult result, ChargePurpose purpose) {
        run.recordCharge(result.amount());
        lastError = null;
        issue = null;
        bank.settled();
        run.recordEvent("PAYMENT_CHARGED", purpose + " of " + result.amount().display() + " charged to " + method);
    }

    /**
     * Lets go of a charge that waited on the customer's bank: the processor cancels it, unless the customer completed
     * it meanwhile, in which case it counts as paid. Returns whether it was completed; false for none.
     */
    private boolean completedAfterAll(ChargeRequest waited) {
        if (waited == null) {
            return false;
        }
        WaitingChargeCancellation cancellation = activities.cancelWaitingCharge(waited);
        if (!cancellation.wasCompleted()) {
            run.recordEvent(
                    "PAYMENT_CANCELLED",
                    waited.purpose() + " of " + waited.amount().display() + " that waited on the customer's bank"
                            + " was cancelled at the processor");
            return false;
        }
        paid(cancellation.completed(), waited.purpose());
        return true;
    }

    /**
     * The order is being cancelled: a charge that still waits on the customer's bank is let go of first, so that it
     * can never succeed later; one the customer completed meanwhile counts as paid, and the refund covers it.
     */
    public void letGoOfWaitingCharge() {
        completedAfterAll(bank.takeWaiting());
        completedAfterAll(bank.takeReplaced());
    }

    /** The chargeResolved signal: the charge that waits on the customer is checked again at once. */
    public void chargeResolved(ChargeResolution resolution) {
        if (bank.isWaitingFor(resolution.chargeKey())) {
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

    /**
     * A run rebuilt while its order waited on a charge: the charge is outstanding from the start (a retry, a new
     * method or the bank's answer apply to it at once) and is waited on where the script charges it.
     */
    public void resumeOutstanding(OutstandingCharge charge) {
        outstanding = charge;
        declineOutstanding = true;
        issue = outcomeOf(charge).issue();
        if (charge.awaitingBank()) {
            // Checked again under its key with the request it was made with (the processor refuses a key reused with
            // other parameters): checkout's first attempt had the customer present, every other one did not, as far
            // as the database tells (a method the customer gave on their own page is not recorded as such).
            boolean customerPresent = charge.purpose() != ChargePurpose.BALANCE
                    && charge.step().equals(charge.purpose().name().toLowerCase(Locale.ROOT) + "-1");
            bank.waitsOn(
                    new ChargeRequest(
                            run.orderId(),
                            charge.step(),
                            charge.purpose(),
                            Money.of(charge.amount(), run.currency()),
                            method,
                            customerPresent,
                            run.customerUrl()),
                    bank.startAttempt());
        }
    }

    private OutstandingCharge takeOutstanding(ChargePurpose purpose) {
        OutstandingCharge charge = outstanding;
        if (charge == null || charge.purpose() != purpose) {
            return null;
        }
        outstanding = null;
        return charge;
    }

    /** How the outstanding charge's last attempt ended, as far as the database recorded it. */
    private ChargeOutcome outcomeOf(OutstandingCharge charge) {
        if (charge.awaitingBank()) {
            PaymentIssue bankAsks = new PaymentIssue(
                    PaymentIssue.AUTHENTICATION_REQUIRED, "Your bank asks you to confirm this payment.", null);
            return new ChargeOutcome(ChargeOutcome.Kind.WAITS_ON_CUSTOMER, bankAsks, bankAsks.message());
        }
        String reason = lastError == null ? "The payment was declined." : lastError;
        return new ChargeOutcome(ChargeOutcome.Kind.DECLINED, PaymentIssue.declined("card_declined", reason), reason);
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

    /**
     * Sets the method for the next charge; retries at once when a charge is outstanding (an update handler). A charge
     * that waited on the customer's bank is let go of first. A method the customer gave on their own page is charged
     * with them present.
     */
    public void changeMethod(String paymentMethod, boolean byTheCustomer) {
        method = paymentMethod;
        bank.methodChanged();
        customerPresentNext = byTheCustomer;
        run.recordPaymentMethod(method);
        if (declineOutstanding) {
            retryNow();
        }
    }

    /** Refunds by the order's steps: a switch's difference, a cancellation's everything. */
    public PaymentRefunds refunds() {
        return refunds;
    }

    /** The money as the next run needs it. */
    public CarriedPayments carried() {
        return new CarriedPayments(method, run.paid(), run.refunded(), lastError, attempts, refunds.partialRefunds());
    }

    /**
     * A continued run: the method and step numbers go on where they stopped. The totals carried beside them are
     * read into the run's shared state when the next run starts ({@code OrderContinuation.runState()}).
     */
    public void resume(CarriedPayments carried) {
        method = carried.method();
        lastError = carried.lastError();
        attempts = carried.attempts();
        refunds.resume(carried.partialRefunds());
    }

    /** The outstanding charge of a rebuilt run the script has not reached yet; null when none. */
    public OutstandingCharge outstanding() {
        return outstanding;
    }

    public String method() {
        return method;
    }

    public String lastError() {
        return lastError;
    }

    /** What stands in the way of the charge that waits on the customer; null when none does. */
    public PaymentIssue issue() {
        return declineOutstanding && !run.cancellationPending() && !run.status().isFinal() ? issue : null;
    }
}
