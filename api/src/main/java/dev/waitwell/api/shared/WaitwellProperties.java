package dev.waitwell.api.shared;

import dev.waitwell.workflows.shared.Bounds;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's settings the API needs.
 *
 * @param zone the shop's zone: a release date starts at 00:00 there, and "today" is decided there
 * @param publicBaseUrl the base of the customer links sent in messages
 */
@ConfigurationProperties("waitwell")
public record WaitwellProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue Links links,
        @DefaultValue Policy policy) {

    /**
     * @param secret the HMAC key of customer links; required outside the local profile
     * @param ttl how long a customer link stays valid after the later of checkout and the release date, on
     *     top of the payment grace (the link must work for messages sent until then)
     */
    public record Links(
            String secret, @DefaultValue("P180D") Duration ttl) {}

    /**
     * Policy knobs. The reminder and the grace are handed to each order workflow in its input (so that they are
     * part of its history).
     *
     * @param promiseBuffer time between goods in and goods out, added to a restock date to promise a backorder
     * @param decisionWindow how long a customer has to answer a delay notice
     * @param silentConsentLimit a first delay whose new date is within this of the original promise: silence
     *     counts as waiting
     * @param reminderInterval how often a waiting customer hears the current promised date
     * @param delayReward the discount (percent) offered for waiting after a delay
     * @param preorderMaxSlip how far a pre-order's release may slip before only SWITCH or CANCEL are offered
     * @param historyEventLimit the history length at which a waiting order workflow continues as new
     * @param maxQuantity the most units one order may hold (checkout refuses more with 400), at most
     *     {@link Bounds#MAX_ORDER_QUANTITY}
     */
    public record Policy(
            @DefaultValue("P3D") Duration preReleaseReminder,
            @DefaultValue("P7D") Duration paymentGrace,
            @DefaultValue("P2D") Duration promiseBuffer,
            @DefaultValue("P7D") Duration decisionWindow,
            @DefaultValue("P30D") Duration silentConsentLimit,
            @DefaultValue("P14D") Duration reminderInterval,
            @DefaultValue("10") int delayReward,
            @DefaultValue("P90D") Duration preorderMaxSlip,
            @DefaultValue("2000") int historyEventLimit,
            @DefaultValue("1000") int maxQuantity) {

        public Policy {
            if (delayReward < 1 || delayReward > 100) {
                throw new IllegalArgumentException(
                        "waitwell.policy.delay-reward (WAITWELL_POLICY_DELAY_REWARD) must be "
                                + "a percentage from 1 to 100, not " + delayReward);
            }
            if (historyEventLimit < 200 || historyEventLimit > 40_000) {
                throw new IllegalArgumentException("waitwell.policy.history-event-limit "
                        + "(WAITWELL_POLICY_HISTORY_EVENT_LIMIT) must be from 200 to 40000 events, not "
                        + historyEventLimit);
            }
            if (maxQuantity < 1 || maxQuantity > Bounds.MAX_ORDER_QUANTITY) {
                throw new IllegalArgumentException("waitwell.policy.max-quantity (WAITWELL_POLICY_MAX_QUANTITY) must "
                        + "be from 1 to " + Bounds.MAX_ORDER_QUANTITY + " units, not " + maxQuantity);
            }
            if (promiseBuffer.isNegative()) {
                throw new IllegalArgumentException("waitwell.policy.promise-buffer (WAITWELL_POLICY_PROMISE_BUFFER) "
                        + "must not be negative, not " + promiseBuffer);
            }
            if (reminderInterval.isNegative() || reminderInterval.isZero()) {
                throw new IllegalArgumentException(
                        "waitwell.policy.reminder-interval " + "(WAITWELL_POLICY_REMINDER_INTERVAL) must be positive");
            }
        }
    }

    public String publicBase() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
