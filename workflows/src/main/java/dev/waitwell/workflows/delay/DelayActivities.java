package dev.waitwell.workflows.delay;

import io.temporal.activity.ActivityInterface;

/** The database side of the delay process. Every call is idempotent. */
@ActivityInterface
public interface DelayActivities {

    /** Writes the order's promised date (orders.promised_date) and a timeline entry. */
    void recordPromise(PromiseRecord record);

    /** Issues the reward code for this order and delay, once: a retry returns the same code. */
    RewardCode issueReward(RewardRequest request);

    /**
     * In one transaction: the order's units of the old product go back (and to the head of its queue),
     * the alternative's units are allocated to it from stock on hand, and the order's product, unit price
     * and total change. Idempotent per order and target.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@code OUT_OF_STOCK} when the alternative
     *     no longer has the units; nothing changed
     */
    SwitchOutcome switchItem(SwitchRequest request);
}
