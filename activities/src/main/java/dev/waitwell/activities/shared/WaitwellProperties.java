package dev.waitwell.activities.shared;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's settings the activities need: the same keys (and environment variables) as the API's, because both
 * processes must agree on them.
 *
 * @param zone the shop's zone ({@code WAITWELL_ZONE}): a release date starts at 00:00 there, and "today" is
 *     decided there
 * @param policy the promise policy
 */
@ConfigurationProperties("waitwell")
public record WaitwellProperties(
        @DefaultValue("UTC") ZoneId zone, @DefaultValue Policy policy) {

    /**
     * @param promiseBuffer time between goods in and goods out ({@code WAITWELL_POLICY_PROMISE_BUFFER}), added to a
     *     restock date to promise a backorder: promise reviews must recompute dates as checkout computed them
     */
    public record Policy(@DefaultValue("P2D") Duration promiseBuffer) {

        public Policy {
            if (promiseBuffer.isNegative()) {
                throw new IllegalArgumentException("waitwell.policy.promise-buffer (WAITWELL_POLICY_PROMISE_BUFFER) "
                        + "must not be negative, not " + promiseBuffer);
            }
        }
    }
}
