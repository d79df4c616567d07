package dev.waitwell.worker.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RecoveryPropertiesTest {

    private final ApplicationContextRunner worker = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void reconcilesEveryFiveMinutesUnlessConfigured() {
        worker.run(context -> {
            RecoveryProperties properties = context.getBean(RecoveryProperties.class);

            assertThat(properties.reconcileInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.reconcileEnabled()).isTrue();
        });
        worker.withPropertyValues(
                        "waitwell.recovery.reconcile-interval=PT30S", "waitwell.recovery.reconcile-enabled=false")
                .run(context -> {
                    RecoveryProperties properties = context.getBean(RecoveryProperties.class);

                    assertThat(properties.reconcileInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.reconcileEnabled()).isFalse();
                });
    }

    @Test
    void refusesToStartWithAnIntervalThatIsNotPositive() {
        for (String interval : new String[] {"PT0S", "-PT1M"}) {
            worker.withPropertyValues("waitwell.recovery.reconcile-interval=" + interval)
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .hasStackTraceContaining("waitwell.recovery.reconcile-interval must be positive"));
        }
    }

    @EnableConfigurationProperties(RecoveryProperties.class)
    static class Binding {}
}
