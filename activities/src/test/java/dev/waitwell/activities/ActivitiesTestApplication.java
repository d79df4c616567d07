package dev.waitwell.activities;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The activities as a host app sees them: {@link ActivitiesConfiguration} plus Boot's auto-configuration
 * (DataSource, Flyway, mail), and the Temporal client the worker's starter gives them (here of an in-process test
 * service, whose workers a test starts itself). No component scan, so test classes never become beans by accident.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ActivitiesConfiguration.class)
public class ActivitiesTestApplication {

    /** In real time: skipping ahead while a test waits for one workflow would time out the others it started. */
    @Bean(destroyMethod = "close")
    TestWorkflowEnvironment temporalTestService() {
        return TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    }

    @Bean
    WorkflowClient workflowClient(TestWorkflowEnvironment temporalTestService) {
        return temporalTestService.getWorkflowClient();
    }
}
