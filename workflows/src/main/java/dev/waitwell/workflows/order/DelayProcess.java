package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.RewardRequest;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The order's promise while it waits, and what happens when it slips (the FTC mail-order rule, as a
 * policy): the customer hears at once, gets the choices and a reward for patience; silence counts as
 * waiting only for a first, short delay with a definite date; otherwise no answer cancels with a full
 * refund. An earlier date is good news, told too. Orders started before the delay process existed
 * ({@code enabled} false) wait as they did then.
 */
final class DelayProcess {

    private final OrderWorkflowImpl order;
    private final DelayActivities activities;
    private final PlaceOrderInput input;
    private final OrderMessages messages;
    private final ItemSwitch itemSwitch;
    private final boolean enabled;
    private final Deque<PromiseChange> pending = new ArrayDeque<>();
    private final Set<String> seenChanges = new HashSet<>();
    private LocalDate promisedDate;
    private Instant releaseAt;
    private Instant nextReminder;
    private int delays;
    private int reminders;
    private int improvements;
    private int decisionsSettled;
    private OpenDecision open;
    private DelayDecision decision;
    private String rewardCode;

    DelayProcess(OrderWorkflowImpl order, DelayActivities activities, OrderMessages messages, ItemSwitch itemSwitch,
            boolean enabled) {
        this.order = order;
        this.activities = activities;
        this.input = order.input();
        this.messages = messages;
        this.itemSwitch = itemSwitch;
        this.enabled = enabled;
        this.promisedDate = input.promisedDate();
        this.releaseAt = input.releaseAt();
    }

    void promiseChanged(PromiseChange change) {
        if (enabled && seenChanges.add(change.changeId())) {
            pending.add(change);
        }
    }

    /**
     * Waits until {@code fact} holds or {@code deadline} (which a promise change may move) passes, handling
     * promise changes and periodic reminders on the way. Once the history budget is spent, the order continues
     * as new in {@code phase} between two of those steps (no decision open, nothing in flight), before the next
     * one: a change that is pending then is carried, and the next run handles it first.
     *
     * @param promiseCanExpire whether the promised date passing without the fact is itself a slip
     */
    void await(OrderContinuation.Phase phase, String what, Supplier<Instant> deadline, Supplier<Boolean> fact,
            boolean promiseCanExpire) {
        if (!enabled) {
            order.waitUntil(what, deadline.get(), fact);
            return;
        }
        if (nextReminder == null) {
            nextReminder = now().plus(input.policy().reminderInterval());
        }
        while (!fact.get()) {
            Instant due = deadline.get();
            Instant expires = promiseCanExpire && promisedDate != null
                    ? promisedDate.plusDays(1).atStartOfDay(ZoneId.of(input.policy().zone())).toInstant() : null;
            order.waitUntil(what, earliest(due, expires, nextReminder),
                    () -> fact.get() || !pending.isEmpty() || order.mayContinueAsNew());
            if (fact.get()) {
                return;
            }
            if (order.mayContinueAsNew()) {
                order.continueAsNew(phase);
            }
            Instant now = now();
            if (!pending.isEmpty()) {
                handle(pending.poll());
            } else if (due != null && !now.isBefore(due)) {
                return;
            } else if (expires != null && !now.isBefore(expires)) {
                handle(new PromiseChange("expired-" + promisedDate, null, null,
                        "the promised date passed before the goods arrived"));
            } else if (!now.isBefore(nextReminder)) {
                reminders++;
                order.notifyCustomer(messages.waitReminder(reminders));
                nextReminder = now.plus(input.policy().reminderInterval());
            }
        }
    }

    private void handle(PromiseChange change) {
        LocalDate before = promisedDate;
        LocalDate after = change.newDate();
        boolean beyondMaximum = after != null && input.latestAcceptableDate() != null
                && after.isAfter(input.latestAcceptableDate());
        // An earlier date, or a date at all after "unknown", is good news (unless it is beyond the order's limit).
        if (after != null && !beyondMaximum && (before == null || !after.isAfter(before))) {
            if (before != null && after.equals(before)) {
                return;
            }
            move(change, "Good news: now promised for " + after + " (" + change.reason() + ")");
            improvements++;
            order.notifyCustomer(messages.promiseImproved(improvements, change.reason()));
            return;
        }
        if (after == null && before == null) {
            return;
        }
        delays++;
        move(change, "Delayed: now " + (after == null ? "no date can be promised" : "promised for " + after)
                + " (" + change.reason() + ")");
        decide(change, after);
    }

    private void decide(PromiseChange change, LocalDate after) {
        boolean beyondMaximum = after != null && input.latestAcceptableDate() != null
                && after.isAfter(input.latestAcceptableDate());
        boolean silenceMeansWait = !beyondMaximum && delays == 1 && after != null
                && !after.isAfter(input.promisedDate().plusDays(input.policy().silentConsentLimit().toDays()));
        List<DelayChoice> choices = beyondMaximum ? List.of(DelayChoice.SWITCH, DelayChoice.CANCEL)
                : List.of(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL);
        Instant deadline = now().plus(input.policy().decisionWindow());
        OrderStatus resume = order.status();
        decision = null;
        open = new OpenDecision(delays, after, change.reason(), choices, deadline, silenceMeansWait);
        order.changeStatus(OrderStatus.AWAITING_DECISION, "Waiting for the customer's choice on delay " + delays
                + " until " + deadline + (silenceMeansWait ? " (no answer counts as waiting)" : " (no answer cancels)"));
        order.notifyCustomer(messages.delayNotice(open, input.policy().delayRewardPercent()));
        boolean carriedOut = false;
        while (!carriedOut) {
            DelayDecision chosen;
            try {
                order.waitUntil("the customer's choice on the delay", deadline, () -> decision != null);
                chosen = decision != null ? decision : silenceMeansWait
                        ? new DelayDecision(DelayChoice.WAIT, null, null, null, "silence", "no answer within the window")
                        : null;
            } finally {
                decision = null;
            }
            if (chosen == null) {
                open = null;
                order.requestCancellation(new CancellationRequest("no answer to the delay notice within "
                        + input.policy().decisionWindow(), "system"));
                order.throwIfCancelled();
            }
            // A switch that fails (the alternative sold out meanwhile) leaves the decision open until the deadline.
            carriedOut = carryOut(chosen, resume, change);
        }
    }

    /** Carries out a decision; false when a switch could not be made and the decision stays open. */
    private boolean carryOut(DelayDecision chosen, OrderStatus resume, PromiseChange change) {
        order.recordEvent("DELAY_DECIDED", chosen.choice() + " decided by " + chosen.decidedBy()
                + (chosen.note() == null ? "" : " (" + chosen.note() + ")"));
        switch (chosen.choice()) {
            case WAIT -> {
                rewardCode = activities.issueReward(new RewardRequest(input.orderId(), input.customer().id(), delays,
                        input.policy().delayRewardPercent())).code();
                open = null;
                order.changeStatus(resume, "The customer waits for " + (promisedDate == null ? "the next date"
                        : promisedDate.toString()) + "; reward code " + rewardCode);
                decisionsSettled++;
                order.notifyCustomer(messages.delayAccepted(delays, rewardCode, input.policy().delayRewardPercent()));
                return true;
            }
            case CANCEL -> {
                open = null;
                order.requestCancellation(new CancellationRequest("the customer chose to cancel after a delay ("
                        + change.reason() + ")", chosen.decidedBy()));
                order.throwIfCancelled();
                return true;
            }
            case SWITCH -> {
                boolean switched = itemSwitch.switchTo(chosen, () -> {
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

    private void move(PromiseChange change, String message) {
        promisedDate = change.newDate();
        if (change.newReleaseAt() != null) {
            releaseAt = change.newReleaseAt();
        } else if (change.newDate() == null && input.kind() == OrderKind.PREORDER && !order.released()) {
            // The release date became unknown: no release by a timer until a new date comes.
            releaseAt = null;
        }
        activities.recordPromise(new PromiseRecord(input.orderId(), promisedDate, "promise/" + change.changeId(),
                message));
        order.promiseMoved(promisedDate);
    }

    // ---- the decide update, through OrderWorkflowImpl

    void validate(DelayDecision proposed) {
        if (order.cancellationPending() || order.status().isFinal()) {
            throw new IllegalStateException("Order " + input.orderId() + " is " + order.status()
                    + (order.status().isFinal() ? "" : " and being cancelled") + ": there is nothing left to decide");
        }
        if (open == null || decision != null) {
            throw new IllegalStateException("Order " + input.orderId() + " has no open delay decision"
                    + (decision != null ? ": it was decided already" : ""));
        }
        if (!open.choices().contains(proposed.choice())) {
            throw new IllegalStateException(proposed.choice() + " is not offered for this delay; the choices are "
                    + open.choices());
        }
    }

    /**
     * The decide update: hands the decision to the waiting script and returns once it is applied to the
     * order's state (not after every message has gone out). A decision that lost a race with the end of
     * the window finds no open decision and changes nothing.
     */
    void decideNow(DelayDecision proposed) {
        if (open == null || decision != null) {
            return;
        }
        int before = decisionsSettled;
        decision = proposed;
        Workflow.await(() -> decisionsSettled > before || order.status().isFinal());
    }

    boolean enabled() {
        return enabled;
    }

    // ---- continue-as-new: what the next run needs of the promise

    OrderContinuation.Delays carried() {
        List<String> seen = new ArrayList<>(seenChanges);
        seen.sort(null);
        return new OrderContinuation.Delays(promisedDate, releaseAt, nextReminder, delays, reminders, improvements,
                decisionsSettled, rewardCode, seen, List.copyOf(pending));
    }

    /** A continued run: the promise, its counters and the changes seen or pending, as the last run left them. */
    void resume(OrderContinuation.Delays carried) {
        promisedDate = carried.promisedDate();
        releaseAt = carried.releaseAt();
        nextReminder = carried.nextReminder();
        delays = carried.delays();
        reminders = carried.reminders();
        improvements = carried.improvements();
        decisionsSettled = carried.decisionsSettled();
        rewardCode = carried.rewardCode();
        seenChanges.addAll(carried.seenChangeIds());
        pending.addAll(carried.pending());
    }

    LocalDate promisedDate() {
        return promisedDate;
    }

    Instant releaseAt() {
        return releaseAt;
    }

    OpenDecision openDecision() {
        return open;
    }

    String rewardCode() {
        return rewardCode;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    private static Instant earliest(Instant... instants) {
        Instant earliest = null;
        for (Instant instant : instants) {
            if (instant != null && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }
}
