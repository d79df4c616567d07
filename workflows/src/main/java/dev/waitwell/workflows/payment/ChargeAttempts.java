package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * One attempt at a charge, as the processor sees it: each under its own step name ({@code balance-2}), or, for a
 * charge that waits on the customer's bank, again under its key; its outcome recorded on the order's timeline; a
 * waiting charge let go of when a new method replaces it or the order is cancelled. Holds what the attempts share:
 * the method charged, how many steps were numbered, the last error and issue. {@link PaymentCollector} decides
 * when to attempt and how long to wait.
 *
 * <p>An attempt the customer waits for (checkout, a method they gave on their page) runs as a local activity in runs
 * from {@code local-charge-while-customer-waits} on: in the workflow task that asks for it, so that checkout's answer
 * comes one workflow task after the start rather than after a task-queue round trip and a second task. From
 * {@code launch-day-shape} on every attempt does (the balance on release or allocation, retries): the signal that
 * makes the balance due, the charge and what follows from it (the timeline, the message asked for, the status) take
 * one workflow task instead of two and an activity task. A processor that does not settle a charge within a minute is
 * waited for by an activity of its own instead ({@code LOCAL_CHARGE_FIRST_MINUTE}). A cancellation or a new method
 * that arrives while a charge runs is handled once it is over, as one that arrives just after it: the money taken is
 * refunded by the cancellation's steps, and a charge waiting on the bank is let go of by the new method's.
 *
 * <p>From {@code launch-day-shape} version 3 a charge writes its own {@code PAYMENT_CHARGED} entry, in the
 * transaction that records the payment ({@link ChargeRequest#chargedEvent}): one database step fewer for every charge,
 * in the workflow task that the storefront's answer waits for at checkout and in every order's on release day.
 */
final class ChargeAttempts {

    private static final Logger log = Workflow.getLogger(ChargeAttempts.class);
    private static final String CHARGED = "PAYMENT_CHARGED";

    private final PaymentActivities activities =
            Workflow.newActivityStub(PaymentActivities.class, OrderActivityOptions.DURABLE);
    private final PaymentActivities whileCustomerWaits;
    private final PaymentActivities withoutCustomer;
    private final boolean goesOnAsActivity;
    private final boolean writesItsOwnEvent;
    private final boolean forgetsReplacedChargeOncePaid;
    private final OrderRun run;
    private final BankWait bank = new BankWait();
    private String method;
    private String lastError;
    private PaymentIssue issue;
    private boolean customerPresentNext;
    private int count;

    /**
     * @param localWhileCustomerWaits whether an attempt the customer waits for runs as a local activity (version)
     * @param localWithoutCustomer whether every other attempt does too (version)
     * @param writesItsOwnEvent whether a charge writes its {@code PAYMENT_CHARGED} entry itself (version)
     * @param forgetsReplacedChargeOncePaid whether a charge found paid is no longer let go of when a new method had
     *     replaced it while it was being checked (version; see {@link BankWait#paid})
     */
    ChargeAttempts(
            OrderRun run,
            String method,
            boolean localWhileCustomerWaits,
            boolean localWithoutCustomer,
            boolean writesItsOwnEvent,
            boolean forgetsReplacedChargeOncePaid) {
        this.run = run;
        this.method = method;
        this.writesItsOwnEvent = writesItsOwnEvent;
        this.forgetsReplacedChargeOncePaid = forgetsReplacedChargeOncePaid;
        if (localWithoutCustomer) {
            PaymentActivities local = Workflow.newLocalActivityStub(
                    PaymentActivities.class, OrderActivityOptions.LOCAL_CHARGE_FIRST_MINUTE);
            this.whileCustomerWaits = local;
            this.withoutCustomer = local;
        } else {
            this.whileCustomerWaits = localWhileCustomerWaits
                    ? Workflow.newLocalActivityStub(PaymentActivities.class, OrderActivityOptions.LOCAL_PAYMENT)
                    : activities;
            this.withoutCustomer = activities;
        }
        this.goesOnAsActivity = localWithoutCustomer;
    }

    ChargeOutcome attempt(ChargePurpose purpose, Money amount) {
        run.throwIfCancelled();
        if (completedAfterAll(bank.takeReplaced())) {
            return ChargeOutcome.PAID; // the customer confirmed the charge a new method was to replace
        }
        boolean present = customerPresentNext;
        customerPresentNext = false;
        // A charge that waits on the customer's bank is checked again under its own key: a new one would charge twice.
        ChargeRequest request = bank.waiting() != null ? bank.waiting() : newRequest(purpose, amount, present);
        int changesAtStart = bank.startAttempt();
        try {
            ChargeResult result = charge(request, present ? whileCustomerWaits : withoutCustomer);
            if (forgetsReplacedChargeOncePaid) {
                bank.paid(request);
            }
            paid(result, purpose, request.chargedEvent() != null);
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
            count++;
        }
    }

    private ChargeRequest newRequest(ChargePurpose purpose, Money amount, boolean present) {
        return new ChargeRequest(
                run.orderId(),
                purpose.name().toLowerCase(Locale.ROOT) + "-" + (count + 1),
                purpose,
                amount,
                method,
                present,
                run.customerUrl(),
                writesItsOwnEvent ? run.eventWrittenBy(CHARGED, chargedMessage(purpose, amount)) : null);
    }

    /**
     * The charge by {@code stub}; one the processor did not settle within the local activity's minute (it timed out or
     * kept failing, neither paid nor refused) goes on as an activity of its own under the same key, so that the
     * processor charges it once.
     */
    private ChargeResult charge(ChargeRequest request, PaymentActivities stub) {
        if (stub == activities || !goesOnAsActivity) {
            return stub.charge(request);
        }
        try {
            return stub.charge(request);
        } catch (ActivityFailure failure) {
            if (ChargeOutcome.of(failure).isPresent()) {
                throw failure;
            }
            log.warn(
                    "Order {}: {} not settled within its first minute ({}); it goes on as an activity",
                    run.orderId(),
                    request.step(),
                    BusinessFailure.rootMessage(failure));
            return activities.charge(request);
        }
    }

    /**
     * Lets go of the charge that waits on the customer's bank: the processor cancels it, unless the customer
     * completed it meanwhile, in which case it counts as paid. Returns whether it was completed; false for none.
     */
    boolean letGoOfWaitingCharge() {
        return completedAfterAll(bank.takeWaiting());
    }

    /** As {@link #letGoOfWaitingCharge}, for the waiting charge a new method replaced. */
    boolean letGoOfReplacedCharge() {
        return completedAfterAll(bank.takeReplaced());
    }

    boolean waitsOnTheBankUnder(String chargeKey) {
        return bank.isWaitingFor(chargeKey);
    }

    /** A charge a rebuilt run finds waiting on the customer's bank: checked again under its key. */
    void waitOnTheBank(ChargeRequest request) {
        bank.waitsOn(request, bank.startAttempt());
    }

    /** The next attempt is made with the customer present (checkout, or a method they gave on their page). */
    void customerPresentNext() {
        customerPresentNext = true;
    }

    /** The method for the next charge; a charge that waited on the customer's bank is let go of first. */
    void changeMethod(String paymentMethod, boolean byTheCustomer) {
        method = paymentMethod;
        bank.methodChanged();
        customerPresentNext = byTheCustomer;
        run.recordPaymentMethod(method);
    }

    /**
     * Saves the method for later charges without the customer present (a {@code PAY_LATER} order at checkout).
     * An issue is only noted: the charge that meets it later handles it.
     */
    void saveForLater() {
        SavedMethod saved =
                whileCustomerWaits.saveForLater(new SaveMethodRequest(run.orderId(), method, run.customerUrl()));
        if (saved.issue() != null) {
            run.recordEvent(
                    "PAYMENT_METHOD_NOT_SAVED",
                    method + " was not saved for later charges: "
                            + saved.issue().message());
        }
    }

    /** A continued run: the method and step numbers go on where they stopped. */
    void resume(String carriedMethod, String carriedError, int carriedCount) {
        method = carriedMethod;
        lastError = carriedError;
        count = carriedCount;
    }

    /** The issue of a charge a rebuilt run finds outstanding, as far as the database tells. */
    void noteIssue(PaymentIssue recorded) {
        issue = recorded;
    }

    /** How many steps were numbered: the next is one more. */
    int count() {
        return count;
    }

    String method() {
        return method;
    }

    String lastError() {
        return lastError;
    }

    PaymentIssue issue() {
        return issue;
    }

    /** @param written whether the charge wrote its {@code PAYMENT_CHARGED} entry itself */
    private void paid(ChargeResult result, ChargePurpose purpose, boolean written) {
        run.recordCharge(result.amount());
        lastError = null;
        issue = null;
        bank.settled();
        if (!written) {
            run.recordEvent(CHARGED, chargedMessage(purpose, result.amount()));
        }
    }

    private String chargedMessage(ChargePurpose purpose, Money amount) {
        return purpose + " of " + amount.display() + " charged to " + method;
    }

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
        // A charge that carried its entry had it written by whichever found it paid: this letting go or a check before.
        paid(cancellation.completed(), waited.purpose(), waited.chargedEvent() != null);
        return true;
    }
}
