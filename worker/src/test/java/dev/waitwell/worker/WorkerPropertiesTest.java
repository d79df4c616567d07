package dev.waitwell.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkerPropertiesTest {

    private final ApplicationContextRunner worker = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void waitsTwentyFiveSecondsForTasksInHandAndWritesNoReadyFileUnlessConfigured() {
        worker.run(context -> {
            WorkerProperties properties = context.getBean(WorkerProperties.class);

            assertThat(properties.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(25));
            assertThat(properties.readyFile()).isEmpty();
        });
        worker.withPropertyValues("waitwell.worker.shutdown-grace-period=PT1M", "waitwell.worker.ready-file=/tmp/ready")
                .run(context -> {
                    WorkerProperties properties = context.getBean(WorkerProperties.class);

                    assertThat(properties.shutdownGracePeriod()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.readyFile()).isEqualTo("/tmp/ready");
                });
    }

    @Test
    void refusesToStartWithANegativeGracePeriod() {
        worker.withPropertyValues("waitwell.worker.shutdown-grace-period=-PT1S")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("waitwell.worker.shutdown-grace-period"));
    }

    @EnableConfigurationProperties(WorkerProperties.class)
    static class Binding {}
}
