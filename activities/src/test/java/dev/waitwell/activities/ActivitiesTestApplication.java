package dev.waitwell.activities;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The activities as a host app sees them: {@link ActivitiesConfiguration} plus Boot's auto-configuration
 * (DataSource, Flyway, mail). No component scan, so test classes never become beans by accident.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ActivitiesConfiguration.class)
public class ActivitiesTestApplication {}
