package dev.waitwell.api.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refresh how long business figures read from PostgreSQL are reused before a scrape reads them again
 * @param queryTimeout how long one read of the figures may take before it is abandoned (the last figures stay)
 */
@ConfigurationProperties("waitwell.metrics")
record MetricsProperties(
        @DefaultValue("PT30S") Duration refresh,
        @DefaultValue("PT5S") Duration queryTimeout) {

    MetricsProperties {
        if (refresh.isNegative() || queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("waitwell.metrics.refresh (WAITWELL_METRICS_REFRESH) must not be "
                    + "negative and waitwell.metrics.query-timeout must be positive");
        }
    }
}
