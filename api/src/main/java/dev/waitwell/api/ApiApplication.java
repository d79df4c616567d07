package dev.waitwell.api;

import dev.waitwell.health.TemporalHealthConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The Waitwell REST API: checkout, catalog and staff actions over Temporal and a read-only query side. Health:
 * the database, and Temporal through the check the worker reports too ({@link TemporalHealthConfiguration}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TemporalHealthConfiguration.class)
public class ApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
