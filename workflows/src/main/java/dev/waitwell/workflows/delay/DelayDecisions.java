package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.lifecycle.CancellationReasons;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
import dev.waitwell.workflows.shared.DelayChoice;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A delay put to the customer: the notice with its choices, the wait for an answer until the window closes, and
 * carrying out what was decided (or what silence means). WAIT earns a reward code, SWITCH takes an in-stock
 * alternative ({@link AlternativeSwitch}), CANCEL (or silence where it cancels) refunds everything.
 */
final class DelayDecisions {

    private final DelayActivities activities =
            Workflow.newActivityStub(DelayActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private final PromiseTerms terms;
    private final DelayMessages messages;
    private final AlternativeSwitch alternativeSwitch;
    private OpenDecision open;
    private DelayDecision decision;
    private String rewardCode;
    private int decisionsSettled;

    DelayDecisions(OrderRun run, PromiseTerms terms, DelayMessages messages, AlternativeSwitch alternativeSwitch) {
        this.run = run;
        this.terms = terms;
        this.messages = messages;
        this.alternativeSwitch = alternativeSwitch;
    }

    /** Opens delay {@code delayNumber} to {@code after} and returns once it is carried out; a cancel unwinds. */
    void decide(int delayNumber, PromiseChange change, LocalDate after) {
        DelayRules.Offer offer = DelayRules.offer(
                delayNumber,
                after,
                terms.promisedAtCheckout(),
                terms.latestAcceptable(),
                terms.policy().silentConsentLimit());
        Instant deadline = WorkflowTime.now().plus(terms.policy().decisionWindow());
        OrderStatus resume = run.status();
        decision = null;
        open = new OpenDecision(
                delayNumber, after, change.reason(), offer.choices(), deadline, offer.silenceMeansWait());
        run.changeStatus(
                OrderStatus.AWAITING_DECISION,
                "Waiting for the customer's choice on delay " + delayNumber
                        + " until " + deadline
                        + (offer.silenceMeansWait() ? " (no answer counts as waiting)" : " (no answer cancels)"));
        run.notifyCustomer(messages.delayNotice(open, terms.policy().delayRewardPercent()));
        awaitAndCarryOut(open, resume, change);
    }

    /**
     * A rebuilt run whose order waited on a decision: the decision is open again from the run's start (the
     * decide update applies to it at once), with its choices and original deadline.
     */
    void restore(OpenDecision recorded) {
        open = recorded;
        decision = null;
    }

    /**
     * A rebuilt run reaches the wait its order was deciding in: it waits for the answer until the original deadline
     * (one that passed meanwhile takes effect at once) and carries it out, then the order waits in {@code resume}.
     */
    void reopen(OrderStatus resume) {
        OpenDecision recorded = open;
        if (recorded == null) {
            return; // decided between the run's start and this wait
        }
        String reason = recorded.reason() == null ? "the promise moved" : recorded.reason();
        awaitAndCarryOut(
                recorded,
                resume,
                new PromiseChange("delay-" + recorded.delayNumber(), recorded.newDate(), null, reason));
    }

    private void awaitAndCarryOut(OpenDecision opened, OrderStatus resume, PromiseChange change) {
        boolean carriedOut = false;
        while (!carriedOut) {
            // A switch that fails (the alternative sold out meanwhile) leaves the decision open until the deadline.
            carriedOut = carryOut(
                    awaitAnswer(opened.deadline(), opened.silenceMeansWait()), resume, change, opened.delayNumber());
        }
    }

    /** The customer's (or support's) decision, or what silence means when the window closes; a cancel unwinds. */
    private DelayDecision awaitAnswer(Instant deadline, boolean silenceMeansWait) {
        DelayDecision chosen;
        try {
            run.waitUntil("the customer's choice on the delay", deadline, () -> decision != null);
            chosen = decision != null
                    ? decision
                    : silenceMeansWait
                            ? new DelayDecision(
                                    DelayChoice.WAIT, null, null, null, "silence", "no answer within the window")
                            : null;
        } finally {
            decision = null;
        }
        if (chosen == null) {
            open = null;
            run.requestCancellation(new CancellationRequest(
                    CancellationReasons.NO_DELAY_ANSWER + terms.policy().decisionWindow(), "system"));
            run.throwIfCancelled();
        }
        return chosen;
    }

    /** Carries out a decision; false when a switch could not be made and the decision stays open. */
    private boolean carryOut(DelayDecision chosen, OrderStatus resume, PromiseChange change, int delayNumber) {
        run.recordEvent(
                "DELAY_DECIDED",
                chosen.choice() + " decided by " + chosen.decidedBy()
                        + (chosen.note() == null ? "" : " (" + chosen.note() + ")"));
        switch (chosen.choice()) {
            case WAIT -> {
                int percent = terms.policy().delayRewardPercent();
                rewardCode = activities
                        .issueReward(
                                new RewardRequest(run.orderId(), run.customer().id(), delayNumber, percent))
                        .code();
                open = null;
                run.changeStatus(
                        resume,
                        "The customer waits for "
                                + (run.promisedDate() == null
                                        ? "the next date"
                                        : run.promisedDate().toString()) + "; reward code " + rewardCode);
                decisionsSettled++;
                run.notifyCustomer(messages.delayAccepted(delayNumber, rewardCode, percent));
                return true;
            }
            case CANCEL -> {
                open = null;
                run.requestCancellation(new CancellationRequest(
                        CancellationReasons.CANCELLED_AFTER_DELAY + change.reason() + ")", chosen.decidedBy()));
                run.throwIfCancelled();
                return true;
            }
            case SWITCH -> {
                boolean switched = alternativeSwitch.switchTo(chosen, messages, () -> {
                    open = null;
                    decisionsSettled++;
                });
                if (!switched) {
                    decisionsSettled++;
                }
                return switched;
            }
            default -> throw new IllegalStateException("unknown choice " + chosen.choice());
        }
    }

    // ---- the decide update

    /** The update's validator: only an open, undecided delay, with a choice it offers. Never changes anything. */
    void validate(DelayDecision proposed) {
        if (run.cancellationPending() || run.status().isFinal()) {
            throw new IllegalStateException("Order " + run.orderId() + " is " + run.status()
                    + (run.status().isFinal() ? "" : " and being cancelled") + ": there is nothing left to decide");
        }
        if (open == null || decision != null) {
            throw new IllegalStateException("Order " + run.orderId() + " has no open delay decision"
                    + (decision != null ? ": it was decided already" : ""));
        }
        if (!open.choices().contains(proposed.choice())) {
            throw new IllegalStateException(
                    proposed.choice() + " is not offered for this delay; the choices are " + open.choices());
        }
    }

    /**
     * The decide update: hands the decision to the waiting script and returns once it is applied to the order's
     * state (not after every message has gone out). A decision that lost a race with the end of the window finds
     * no open decision and changes nothing.
     */
    void decideNow(DelayDecision proposed) {
        if (open == null || decision != null) {
            return;
        }
        int before = decisionsSettled;
        decision = proposed;
        Workflow.await(() -> decisionsSettled > before || run.status().isFinal());
    }

    OpenDecision open() {
        return open;
    }

    String rewardCode() {
        return rewardCode;
    }

    int settled() {
        return decisionsSettled;
    }

    /** A continued run: no decision is open between runs, only the numbering and the last reward go on. */
    void resume(int settled, String carriedRewardCode) {
        decisionsSettled = settled;
        rewardCode = carriedRewardCode;
    }
}
