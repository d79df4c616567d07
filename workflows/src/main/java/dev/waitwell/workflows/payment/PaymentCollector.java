package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.CancellationReasons;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
import dev.waitwell.workflows.shared.Money;
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

    private final OrderRun run;
    private final ChargeAttempts attempts;
    private final PaymentRefunds refunds;
    private final Duration grace;
    private final boolean savesForLater;
    private final boolean clearsStaleRetries;
    private boolean retryRequested;
    private boolean declineOutstanding;
    private OutstandingCharge outstanding;

    /**
     * @param grace how long a declined charge may stay unpaid before the order is cancelled and refunded
     * @param savesForLater whether a checkout that charges nothing saves the method for later charges (version)
     * @param clearsStaleRetries whether a retry asked for while a charge ran is forgotten once the money is in, so
     *     that it never fires on the next charge (version)
     * @param localWhileCustomerWaits whether a charge the customer waits for runs as a local activity (version; see
     *     {@link ChargeAttempts})
     * @param localWithoutCustomer whether every other charge does too (version; see {@link ChargeAttempts})
     * @param chargeWritesItsEvent whether a charge writes its own timeline entry (version; see {@link ChargeAttempts})
     * @param forgetsReplacedChargeOncePaid whether a charge found paid while a new method replaced it is no longer let
     *     go of (version; see {@link ChargeAttempts})
     */
    public PaymentCollector(
            OrderRun run,
            String method,
            Duration grace,
            boolean savesForLater,
            boolean clearsStaleRetries,
            boolean localWhileCustomerWaits,
            boolean localWithoutCustomer,
            boolean chargeWritesItsEvent,
            boolean forgetsReplacedChargeOncePaid) {
        this.run = run;
        this.attempts = new ChargeAttempts(
                run,
                method,
                localWhileCustomerWaits,
                localWithoutCustomer,
                chargeWritesItsEvent,
                forgetsReplacedChargeOncePaid);
        this.refunds = new PaymentRefunds(run);
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
            attempts.saveForLater();
            return;
        }
        attempts.customerPresentNext();
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
        collect(
                purpose,
                amount,
                resumeTo,
                attempts.attempt(purpose, amount),
                null,
                EnumSet.noneOf(ChargeOutcome.Kind.class));
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
        for (; !outcome.paid(); outcome = attempts.attempt(purpose, amount)) {
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
                if (attempts.letGoOfWaitingCharge()) {
                    break; // the customer confirmed with their bank as time ran out
                }
                run.requestCancellation(
                        new CancellationRequest(CancellationReasons.PAYMENT_NOT_RECEIVED + grace, "system"));
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

    /**
     * The order is being cancelled: a charge that still waits on the customer's bank is let go of first, so that it
     * can never succeed later; one the customer completed meanwhile counts as paid, and the refund covers it.
     */
    public void letGoOfWaitingCharge() {
        attempts.letGoOfWaitingCharge();
        attempts.letGoOfReplacedCharge();
    }

    /** The chargeResolved signal: the charge that waits on the customer is checked again at once. */
    public void chargeResolved(ChargeResolution resolution) {
        if (attempts.waitsOnTheBankUnder(resolution.chargeKey())) {
            retryRequested = true;
        }
    }

    /**
     * A run rebuilt while its order waited on a charge: the charge is outstanding from the start (a retry, a new
     * method or the bank's answer apply to it at once) and is waited on where the script charges it.
     */
    public void resumeOutstanding(OutstandingCharge charge) {
        outstanding = charge;
        declineOutstanding = true;
        attempts.noteIssue(outcomeOf(charge).issue());
        if (charge.awaitingBank()) {
            // Checked again under its key with the request it was made with (the processor refuses a key reused with
            // other parameters): checkout's first attempt had the customer present, every other one did not, as far
            // as the database tells (a method the customer gave on their own page is not recorded as such).
            boolean customerPresent = charge.purpose() != ChargePurpose.BALANCE
                    && charge.step().equals(charge.purpose().name().toLowerCase(Locale.ROOT) + "-1");
            attempts.waitOnTheBank(new ChargeRequest(
                    run.orderId(),
                    charge.step(),
                    charge.purpose(),
                    Money.of(charge.amount(), run.currency()),
                    attempts.method(),
                    customerPresent,
                    run.customerUrl()));
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
        String reason = attempts.lastError() == null ? "The payment was declined." : attempts.lastError();
        return new ChargeOutcome(ChargeOutcome.Kind.DECLINED, PaymentIssue.declined("card_declined", reason), reason);
    }

    /** A charge was declined and nothing has been paid for it since: a retry makes sense. */
    public boolean declineOutstanding() {
        return declineOutstanding;
    }

    /** Retries now (from an update handler) and returns once that attempt is over. */
    public void retryNow() {
        int before = attempts.count();
        retryRequested = true;
        Workflow.await(() ->
                attempts.count() > before || !declineOutstanding || run.status().isFinal());
    }

    /**
     * Sets the method for the next charge; retries at once when a charge is outstanding (an update handler). A charge
     * that waited on the customer's bank is let go of first. A method the customer gave on their own page is charged
     * with them present.
     */
    public void changeMethod(String paymentMethod, boolean byTheCustomer) {
        attempts.changeMethod(paymentMethod, byTheCustomer);
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
        return new CarriedPayments(
                attempts.method(),
                run.paid(),
                run.refunded(),
                attempts.lastError(),
                attempts.count(),
                refunds.partialRefunds());
    }

    /**
     * A continued run: the method and step numbers go on where they stopped. The totals carried beside them are
     * read into the run's shared state when the next run starts ({@code OrderContinuation.runState()}).
     */
    public void resume(CarriedPayments carried) {
        attempts.resume(carried.method(), carried.lastError(), carried.attempts());
        refunds.resume(carried.partialRefunds());
    }

    /** The outstanding charge of a rebuilt run the script has not reached yet; null when none. */
    public OutstandingCharge outstanding() {
        return outstanding;
    }

    public String method() {
        return attempts.method();
    }

    public String lastError() {
        return attempts.lastError();
    }

    /** What stands in the way of the charge that waits on the customer; null when none does. */
    public PaymentIssue issue() {
        return declineOutstanding && !run.cancellationPending() && !run.status().isFinal() ? attempts.issue() : null;
    }
}
