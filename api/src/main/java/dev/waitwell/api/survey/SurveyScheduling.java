package dev.waitwell.api.survey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@link SurveySweep} every {@code waitwell.survey.interval}, first after one interval, unless
 * {@code waitwell.survey.enabled} is false. A fixed delay: a slow sweep never overlaps the next. Every API instance
 * sweeps; the workflow id makes their starts one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SurveyScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SurveyScheduling.class);

    private final SurveySweep sweep;
    private final SurveyProperties properties;

    SurveyScheduling(SurveySweep sweep, SurveyProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!properties.enabled()) {
            log.info("Surveys are off (waitwell.survey.enabled=false)");
            return;
        }
        tasks.addFixedDelayTask(new FixedDelayTask(sweep::runQuietly, properties.interval(), properties.interval()));
    }
}
