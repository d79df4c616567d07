package dev.waitwell.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.health.*}.
 *
 * @param temporalTimeout how long the Temporal frontend may take to answer before the {@code temporal} component
 *     is DOWN ({@code WAITWELL_HEALTH_TEMPORAL_TIMEOUT})
 */
@ConfigurationProperties("waitwell.health")
record HealthProperties(@DefaultValue("PT2S") Duration temporalTimeout) {

    HealthProperties {
        if (temporalTimeout.isNegative() || temporalTimeout.isZero()) {
            throw new IllegalArgumentException("waitwell.health.temporal-timeout (WAITWELL_HEALTH_TEMPORAL_TIMEOUT) "
                    + "must be positive, not " + temporalTimeout);
        }
    }
}
