package dev.waitwell.api.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.recovery.*}.
 *
 * @param enabled whether the sweeps run at all (tests that insert rows without workflows on purpose turn them off)
 * @param interval the pause between two runs, and before the first
 * @param startGrace how old an order or a failed SMS must be before a sweep starts what its request did not
 */
@ConfigurationProperties("waitwell.recovery")
record RecoveryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") Duration interval,
        @DefaultValue("PT1M") Duration startGrace) {

    RecoveryProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "waitwell.recovery.interval (WAITWELL_RECOVERY_INTERVAL) must be " + "positive, not " + interval);
        }
        if (startGrace.isNegative()) {
            throw new IllegalArgumentException("waitwell.recovery.start-grace (WAITWELL_RECOVERY_START_GRACE) must "
                    + "not be negative, not " + startGrace);
        }
    }
}
