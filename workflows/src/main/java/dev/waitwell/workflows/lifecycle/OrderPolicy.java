package dev.waitwell.workflows.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * The policy knobs an order workflow runs by. They travel in the workflow input so that they are part
 * of the history: changing the configuration never changes what a running order already decided.
 *
 * @param preReleaseReminder how long before the release the customer is reminded of the coming charge
 * @param paymentGrace how long a declined charge may stay unpaid before the order is cancelled and refunded
 * @param decisionWindow how long a customer has to answer a delay notice
 * @param silentConsentLimit a first delay with a new date within this of the original promise: silence is WAIT
 * @param reminderInterval how often a waiting customer hears the current promised date
 * @param delayRewardPercent the discount offered for waiting after a delay
 * @param zone the shop's time zone: a promised date ends at midnight there
 * @param historyEventLimit how many history events one run of a waiting order may have: past it, the order
 *     continues as new at the next safe point of its wait; 0 (and absent, in older inputs) means
 *     {@link #DEFAULT_HISTORY_EVENT_LIMIT}
 *
 * <p>The delay knobs are absent in histories from before the delay process; they read as the defaults.
 */
public record OrderPolicy(
        Duration preReleaseReminder,
        Duration paymentGrace,
        Duration decisionWindow,
        Duration silentConsentLimit,
        Duration reminderInterval,
        int delayRewardPercent,
        String zone,
        int historyEventLimit) {

    /** Far below Temporal's own warnings (10,240 events), so that a replay stays quick. */
    public static final int DEFAULT_HISTORY_EVENT_LIMIT = 2_000;

    public static final OrderPolicy DEFAULT = new OrderPolicy(Duration.ofDays(3), Duration.ofDays(7));

    public OrderPolicy {
        Objects.requireNonNull(preReleaseReminder, "preReleaseReminder");
        Objects.requireNonNull(paymentGrace, "paymentGrace");
        decisionWindow = decisionWindow == null ? Duration.ofDays(7) : decisionWindow;
        silentConsentLimit = silentConsentLimit == null ? Duration.ofDays(30) : silentConsentLimit;
        reminderInterval = reminderInterval == null ? Duration.ofDays(14) : reminderInterval;
        delayRewardPercent = delayRewardPercent == 0 ? 10 : delayRewardPercent;
        zone = zone == null ? "UTC" : zone;
        historyEventLimit = historyEventLimit == 0 ? DEFAULT_HISTORY_EVENT_LIMIT : historyEventLimit;
        for (Duration duration :
                new Duration[] {preReleaseReminder, paymentGrace, decisionWindow, silentConsentLimit}) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("policy durations must not be negative");
            }
        }
        if (reminderInterval.isNegative()
                || reminderInterval.isZero()
                || delayRewardPercent < 0
                || delayRewardPercent > 100) {
            throw new IllegalArgumentException("the reminder interval must be positive and the reward 0-100 %");
        }
        if (historyEventLimit < 0) {
            throw new IllegalArgumentException("the history event limit must not be negative");
        }
    }

    /** Every knob but the history limit, which takes its default. */
    public OrderPolicy(
            Duration preReleaseReminder,
            Duration paymentGrace,
            Duration decisionWindow,
            Duration silentConsentLimit,
            Duration reminderInterval,
            int delayRewardPercent,
            String zone) {
        this(
                preReleaseReminder,
                paymentGrace,
                decisionWindow,
                silentConsentLimit,
                reminderInterval,
                delayRewardPercent,
                zone,
                0);
    }

    /** The pre-order knobs, with the delay knobs at their defaults. */
    public OrderPolicy(Duration preReleaseReminder, Duration paymentGrace) {
        this(preReleaseReminder, paymentGrace, null, null, null, 0, null, 0);
    }
}
