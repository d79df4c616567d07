package dev.waitwell.api.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.survey.*}.
 *
 * @param enabled whether the sweep runs at all
 * @param delay how long after shipment the survey goes ({@code WAITWELL_POLICY_SURVEY_DELAY})
 * @param interval the pause between two sweeps, and before the first ({@code WAITWELL_SURVEY_SWEEP_INTERVAL})
 * @param lookback only orders shipped within this long are surveyed: a first deployment, or a sweep that was off
 *     for months, does not ask every old customer at once ({@code WAITWELL_SURVEY_LOOKBACK})
 * @param batch the most surveys one sweep starts; the next sweep takes the rest
 * @param linkValidity the least time the link in a survey stays valid once sent (the order's own link may expire
 *     sooner after a long wait)
 */
@ConfigurationProperties("waitwell.survey")
record SurveyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("P7D") Duration delay,
        @DefaultValue("PT5M") Duration interval,
        @DefaultValue("P30D") Duration lookback,
        @DefaultValue("200") int batch,
        @DefaultValue("P30D") Duration linkValidity) {

    SurveyProperties {
        if (delay.isNegative()) {
            throw new IllegalArgumentException(
                    "waitwell.survey.delay (WAITWELL_POLICY_SURVEY_DELAY) must not be negative, not " + delay);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "waitwell.survey.interval (WAITWELL_SURVEY_SWEEP_INTERVAL) must be positive, not " + interval);
        }
        if (lookback.compareTo(delay) <= 0) {
            throw new IllegalArgumentException("waitwell.survey.lookback (WAITWELL_SURVEY_LOOKBACK) must be longer "
                    + "than the delay (" + delay + "), not " + lookback);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("waitwell.survey.batch must be at least 1, not " + batch);
        }
    }
}
