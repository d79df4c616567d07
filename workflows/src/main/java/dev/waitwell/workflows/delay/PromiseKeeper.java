package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.WorkflowTime;
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
 * The order's promise while it waits, and what happens when it slips (the rules are {@link DelayRules}): the
 * customer hears at once and decides ({@link DelayDecisions}); an earlier date is good news, told too; a waiting
 * customer is reminded of the date now and then. Orders started before the delay process existed
 * ({@code enabled} false) wait as they did then.
 */
public final class PromiseKeeper {

    private final DelayActivities activities =
            Workflow.newActivityStub(DelayActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private final PromiseTerms terms;
    private final DelayMessages messages;
    private final DelayDecisions decisions;
    private final AlternativeSwitch alternativeSwitch;
    private final boolean enabled;
    private final Deque<PromiseChange> pending = new ArrayDeque<>();
    private final Set<String> seenChanges = new HashSet<>();
    private Instant releaseAt;
    private Instant nextReminder;
    private int delays;
    private int reminders;
    private int improvements;
    private boolean reopensDecision;

    /** @param enabled whether promise changes, delay decisions and reminders apply (version) */
    public PromiseKeeper(OrderRun run, PromiseTerms terms, AlternativeSwitch alternativeSwitch, boolean enabled) {
        this.run = run;
        this.terms = terms;
        this.messages = new DelayMessages(run.messages());
        this.decisions = new DelayDecisions(run, terms, messages, alternativeSwitch);
        this.alternativeSwitch = alternativeSwitch;
        this.enabled = enabled;
        this.releaseAt = terms.releaseAt();
    }

    /** The promiseChanged signal: each change id once, handled by the wait in progress (or the next one). */
    public void promiseChanged(PromiseChange change) {
        if (enabled && seenChanges.add(change.changeId())) {
            pending.add(change);
        }
    }

    /**
     * Waits until {@code fact} holds or {@code deadline} (which a promise change may move) passes, handling promise
     * changes and periodic reminders on the way. Once the history budget is spent, the order continues as new in
     * {@code phase} between two of those steps (no decision open, nothing in flight), before the next one: a
     * change that is pending then is carried, and the next run handles it first.
     *
     * @param promiseCanExpire whether the promised date passing without the fact is itself a slip
     */
    public void await(
            OrderPhase phase,
            String what,
            Supplier<Instant> deadline,
            Supplier<Boolean> fact,
            boolean promiseCanExpire) {
        if (!enabled) {
            run.waitUntil(what, deadline.get(), fact);
            return;
        }
        if (nextReminder == null) {
            nextReminder = WorkflowTime.now().plus(terms.policy().reminderInterval());
        }
        if (reopensDecision) {
            reopensDecision = false;
            decisions.reopen(phase == OrderPhase.STOCK ? OrderStatus.AWAITING_STOCK : OrderStatus.AWAITING_RELEASE);
        }
        while (!fact.get()) {
            Instant due = deadline.get();
            Instant expires = promiseCanExpire && run.promisedDate() != null
                    ? DelayRules.expiry(
                            run.promisedDate(), ZoneId.of(terms.policy().zone()))
                    : null;
            run.waitUntil(
                    what,
                    earliest(due, expires, nextReminder),
                    () -> fact.get() || !pending.isEmpty() || run.mayContinueAsNew());
            if (fact.get()) {
                return;
            }
            if (run.mayContinueAsNew()) {
                run.continueAsNew(phase);
            }
            if (!next(due, expires)) {
                return;
            }
        }
    }

    /** The step a wait woke up for; false when its deadline passed and the wait is over. */
    private boolean next(Instant due, Instant expires) {
        Instant now = WorkflowTime.now();
        if (!pending.isEmpty()) {
            handle(pending.poll());
        } else if (due != null && !now.isBefore(due)) {
            return false;
        } else if (expires != null && !now.isBefore(expires)) {
            handle(new PromiseChange(
                    "expired-" + run.promisedDate(), null, null, "the promised date passed before the goods arrived"));
        } else if (!now.isBefore(nextReminder)) {
            reminders++;
            run.notifyCustomer(messages.waitReminder(reminders));
            nextReminder = now.plus(terms.policy().reminderInterval());
        }
        return true;
    }

    private void handle(PromiseChange change) {
        LocalDate after = change.newDate();
        switch (DelayRules.classify(run.promisedDate(), after, terms.latestAcceptable())) {
            case UNCHANGED -> {}
            case IMPROVED -> {
                move(change, "Good news: now promised for " + after + " (" + change.reason() + ")");
                improvements++;
                run.notifyCustomer(messages.promiseImproved(improvements, change.reason()));
            }
            case SLIPPED -> {
                delays++;
                move(
                        change,
                        "Delayed: now " + (after == null ? "no date can be promised" : "promised for " + after) + " ("
                                + change.reason() + ")");
                decisions.decide(delays, change, after);
            }
        }
    }

    private void move(PromiseChange change, String message) {
        if (change.newReleaseAt() != null) {
            releaseAt = change.newReleaseAt();
        } else if (change.newDate() == null && terms.preorder() && !run.released()) {
            // The release date became unknown: no release by a timer until a new date comes.
            releaseAt = null;
        }
        run.promiseMoved(
                change.newDate(),
                () -> activities.recordPromise(
                        new PromiseRecord(run.orderId(), change.newDate(), "promise/" + change.changeId(), message)));
    }

    // ---- the decide update

    public void validateDecision(DelayDecision proposed) {
        decisions.validate(proposed);
    }

    public void decideNow(DelayDecision proposed) {
        decisions.decideNow(proposed);
    }

    public boolean enabled() {
        return enabled;
    }

    /** When the product releases by itself; null when no date is known. */
    public Instant releaseAt() {
        return releaseAt;
    }

    public OpenDecision openDecision() {
        return decisions.open();
    }

    public String rewardCode() {
        return decisions.rewardCode();
    }

    // ---- continue-as-new

    /** The promise as the next run needs it. */
    public CarriedPromise carried() {
        List<String> seen = new ArrayList<>(seenChanges);
        seen.sort(null);
        return new CarriedPromise(
                run.promisedDate(),
                releaseAt,
                nextReminder,
                delays,
                reminders,
                improvements,
                decisions.settled(),
                decisions.rewardCode(),
                seen,
                List.copyOf(pending));
    }

    /** A continued run: the counters and the changes seen or pending, as the last run left them. */
    public void resume(CarriedPromise carried) {
        releaseAt = carried.releaseAt();
        nextReminder = carried.nextReminder();
        delays = carried.delays();
        reminders = carried.reminders();
        improvements = carried.improvements();
        decisions.resume(carried.decisionsSettled(), carried.rewardCode());
        seenChanges.addAll(carried.seenChangeIds());
        pending.addAll(carried.pending());
    }

    // ---- a run rebuilt from the database

    /**
     * The order waited on a delay decision when its run was rebuilt: the decision is open from now on, and the
     * next wait ({@link #await}) waits for its answer first, until its original deadline.
     */
    public void reopen(OpenDecision recorded) {
        decisions.restore(recorded);
        reopensDecision = true;
    }

    /** Whether the next wait starts with a decision reopened from the database. */
    public boolean reopensDecision() {
        return reopensDecision;
    }

    /**
     * The order's switch to an alternative waited on its charge when its run was rebuilt: the charge, then the
     * switch told as the lost run would have told it.
     */
    public void finishSwitch() {
        alternativeSwitch.finishCharge(messages);
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
