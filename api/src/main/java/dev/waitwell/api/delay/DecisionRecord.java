package dev.waitwell.api.delay;

import java.time.OffsetDateTime;

/**
 * A decision on a delay, as the order's workflow recorded it on the timeline. The open decision, not taken yet, is
 * the order's {@code decision}.
 *
 * @param delayNumber which delay of the order it answered (1 for the first), counted from the timeline's delay
 *     notices; null when the timeline has none
 * @param choice {@code WAIT}, {@code SWITCH} or {@code CANCEL}
 * @param decidedBy {@code customer}, the staff user who decided for them, or {@code silence} / {@code system} when
 *     nobody answered
 * @param via {@code LINK} (the customer, through their signed link), {@code STAFF} (support on their behalf, also on
 *     the audit trail) or {@code NO_ANSWER} (the window passed: silence counted as WAIT, or the order was cancelled)
 * @param note the staff's note, or why the window decided
 * @param rewardCode the discount code issued for this delay's WAIT; else null
 * @param alternativeSku for a SWITCH, the alternative chosen; else null
 * @param carriedOut false for a SWITCH that failed (the alternative sold out meanwhile): the decision stayed open
 */
public record DecisionRecord(
        Integer delayNumber,
        OffsetDateTime at,
        String choice,
        String decidedBy,
        String via,
        String note,
        String rewardCode,
        String alternativeSku,
        boolean carriedOut) {

    DecisionRecord withRewardCode(String code) {
        return new DecisionRecord(delayNumber, at, choice, decidedBy, via, note, code, alternativeSku, carriedOut);
    }

    DecisionRecord switchedTo(String sku, boolean done) {
        return new DecisionRecord(delayNumber, at, choice, decidedBy, via, note, rewardCode, sku, done);
    }
}
