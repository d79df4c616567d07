package dev.waitwell.worker;

import dev.waitwell.activities.ActivitiesConfiguration;
import dev.waitwell.health.TemporalHealthConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Hosts the Temporal worker for the {@code waitwell-orders} task queue.
 *
 * <p>The activity beans and their properties come from {@link ActivitiesConfiguration}, which scans only
 * the activities' feature packages (never their test applications). Their Spring Data
 * repositories and entities are found through {@link AutoConfigurationPackage}. The {@code temporal} health
 * component is the one the API reports too ({@link TemporalHealthConfiguration}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ActivitiesConfiguration.class, TemporalHealthConfiguration.class})
@AutoConfigurationPackage(basePackages = "dev.waitwell.activities")
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
