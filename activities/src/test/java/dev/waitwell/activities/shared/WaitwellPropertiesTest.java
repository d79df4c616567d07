package dev.waitwell.activities.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The worker reads the shop's zone and promise buffer under the same keys as the API. */
class WaitwellPropertiesTest {

    private final ApplicationContextRunner worker = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void readsTheShopZoneAndPromiseBufferUnderTheApisKeys() {
        worker.withPropertyValues("waitwell.zone=Europe/Berlin", "waitwell.policy.promise-buffer=P3D")
                .run(context -> {
                    WaitwellProperties shop = context.getBean(WaitwellProperties.class);

                    assertThat(shop.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(shop.policy().promiseBuffer()).isEqualTo(Duration.ofDays(3));
                });
    }

    @Test
    void defaultsToUtcAndTwoDaysAsTheApiDoes() {
        worker.run(context -> {
            WaitwellProperties shop = context.getBean(WaitwellProperties.class);

            assertThat(shop.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(shop.policy().promiseBuffer()).isEqualTo(Duration.ofDays(2));
        });
    }

    @Test
    void refusesToStartWithANegativePromiseBuffer() {
        worker.withPropertyValues("waitwell.policy.promise-buffer=-P1D")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("WAITWELL_POLICY_PROMISE_BUFFER"));
    }

    @EnableConfigurationProperties(WaitwellProperties.class)
    static class Binding {}
}
