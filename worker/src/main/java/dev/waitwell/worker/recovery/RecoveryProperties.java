package dev.waitwell.worker.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.recovery.*}.
 *
 * @param reconcileInterval how long the reconciler waits between two passes over the open orders
 *     ({@code WAITWELL_RECOVERY_RECONCILE_INTERVAL}); the first pass runs once the worker polls
 * @param reconcileEnabled whether the reconciler runs at all (tests that arrange orders by hand turn it off)
 */
@ConfigurationProperties("waitwell.recovery")
record RecoveryProperties(
        @DefaultValue("PT5M") Duration reconcileInterval,
        @DefaultValue("true") boolean reconcileEnabled) {

    RecoveryProperties {
        if (reconcileInterval == null || reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException(
                    "waitwell.recovery.reconcile-interval must be positive, not " + reconcileInterval);
        }
    }
}
