package dev.waitwell.api.recovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@link RecoverySweeps} every {@code waitwell.recovery.interval}, first after one interval (the API is
 * up and Temporal reachable by then), unless {@code waitwell.recovery.enabled} is false. A fixed delay, not a
 * rate: a slow run never overlaps the next.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecoveryScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduling.class);

    private final RecoverySweeps sweeps;
    private final RecoveryProperties properties;

    RecoveryScheduling(RecoverySweeps sweeps, RecoveryProperties properties) {
        this.sweeps = sweeps;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!properties.enabled()) {
            log.info("Recovery sweeps are off (waitwell.recovery.enabled=false)");
            return;
        }
        tasks.addFixedDelayTask(new FixedDelayTask(sweeps::runAll, properties.interval(), properties.interval()));
    }
}
