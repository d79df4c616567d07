package dev.waitwell.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The recovery configuration in a context of its own, with one sweep that records its calls. */
class RecoverySchedulingTest {

    private final List<Instant> swept = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner api = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RecoveryScheduling.class, RecoverySweeps.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(RecoverySweep.class, () -> new RecoverySweep() {
                @Override
                public int recover(Instant before) {
                    swept.add(before);
                    return 0;
                }

                @Override
                public String subject() {
                    return "things recorded";
                }
            });

    @Test
    void sweepsEveryMinuteWithAMinutesGraceUnlessConfiguredOtherwise() {
        api.run(context -> {
            RecoveryProperties properties = context.getBean(RecoveryProperties.class);

            assertThat(properties.enabled()).isTrue();
            assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.startGrace()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void runsEverySweepAtAFixedDelayOfTheIntervalFirstAfterOneInterval() {
        api.withPropertyValues("waitwell.recovery.interval=PT5M").run(context -> {
            List<ScheduledTask> tasks =
                    List.copyOf(context.getBean(ScheduledTaskHolder.class).getScheduledTasks());

            assertThat(tasks)
                    .singleElement()
                    .extracting(ScheduledTask::getTask)
                    .isInstanceOfSatisfying(FixedDelayTask.class, task -> {
                        assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
                        assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(5));
                        task.getRunnable().run();
                    });
            assertThat(swept).hasSize(1);
        });
    }

    @Test
    void schedulesNothingWhenTurnedOff() {
        api.withPropertyValues("waitwell.recovery.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                    .isEmpty();
        });
    }

    @Test
    void refusesToStartWithAnIntervalThatIsNotPositive() {
        api.withPropertyValues("waitwell.recovery.interval=PT0S")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("WAITWELL_RECOVERY_INTERVAL"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RecoveryProperties.class)
    static class Properties {}
}
