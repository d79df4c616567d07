package dev.waitwell.health;

import io.temporal.client.WorkflowClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Import this into a process that has a {@link WorkflowClient} to get the {@code temporal} health component. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class TemporalHealthConfiguration {

    /** The bean name makes the component's name: {@code temporal}, as probes and readiness groups list it. */
    @Bean
    TemporalHealthIndicator temporalHealthIndicator(WorkflowClient client, HealthProperties properties) {
        return new TemporalHealthIndicator(client, properties.temporalTimeout());
    }
}
