package dev.waitwell.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What a process gets by importing {@link TemporalHealthConfiguration}, against a Temporal that answers or not. */
class TemporalHealthConfigurationTest {

    private static TestWorkflowEnvironment temporal;

    private final ApplicationContextRunner process =
            new ApplicationContextRunner().withUserConfiguration(TemporalHealthConfiguration.class);

    @BeforeAll
    static void startTemporal() {
        temporal = TestWorkflowEnvironment.newInstance();
    }

    @AfterAll
    static void stopTemporal() {
        temporal.close();
    }

    @Test
    void reportsTemporalUpWithItsNamespaceWhenTheFrontendAnswers() {
        process.withBean(WorkflowClient.class, temporal::getWorkflowClient).run(context -> {
            Health health = context.getBean("temporalHealthIndicator", HealthIndicator.class)
                    .health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("namespace", "default")
                    .doesNotContainKey("error");
        });
    }

    @Test
    void reportsTemporalDownWithTheTargetAndTheGrpcStatusOnlyWhenNothingAnswers() throws IOException {
        String target = "127.0.0.1:" + closedPort();
        WorkflowServiceStubs closed = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
        try {
            process.withBean(WorkflowClient.class, () -> WorkflowClient.newInstance(closed))
                    .run(context -> {
                        Health health = context.getBean("temporalHealthIndicator", HealthIndicator.class)
                                .health();

                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails())
                                .containsOnlyKeys("namespace", "target", "error")
                                .containsEntry("target", target);
                        assertThat((String) health.getDetails().get("error")).startsWith("UNAVAILABLE");
                    });
        } finally {
            closed.shutdownNow();
        }
    }

    @Test
    void givesTemporalTwoSecondsUnlessConfiguredOtherwise() {
        process.withBean(WorkflowClient.class, temporal::getWorkflowClient)
                .run(context -> assertThat(
                                context.getBean(HealthProperties.class).temporalTimeout())
                        .isEqualTo(Duration.ofSeconds(2)));
        process.withBean(WorkflowClient.class, temporal::getWorkflowClient)
                .withPropertyValues("waitwell.health.temporal-timeout=PT0.5S")
                .run(context -> assertThat(
                                context.getBean(HealthProperties.class).temporalTimeout())
                        .isEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void refusesToStartWithATimeoutThatIsNotPositive() {
        process.withBean(WorkflowClient.class, temporal::getWorkflowClient)
                .withPropertyValues("waitwell.health.temporal-timeout=PT0S")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("WAITWELL_HEALTH_TEMPORAL_TIMEOUT"));
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
