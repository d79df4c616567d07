package dev.waitwell.api.ratelimit;

import dev.waitwell.api.ApiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole API as {@link ApiTest} has it, with the rate limits at their defaults (the suite's context raises them,
 * since its tests share users and one client address) and their time in the test's hands ({@link MovableTime}).
 * Tests keep to their own orders, client addresses and user names, or leave the buckets they touch as full as they
 * found them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@Import(RateLimitedApiTest.Time.class)
@TestPropertySource(
        properties = {
            "waitwell.rate-limit.per-user-per-minute=3000",
            "waitwell.rate-limit.per-order-per-minute=10",
            "waitwell.rate-limit.per-address-per-minute=600",
            "waitwell.rate-limit.failed-logins-per-user=10",
            "waitwell.rate-limit.failed-logins-per-address=30",
            "waitwell.rate-limit.failed-login-period=PT5M",
            // small, so that a test can use it up
            "waitwell.rate-limit.webhooks-per-address-per-minute=50"
        })
@interface RateLimitedApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Time {

        @Bean
        @Primary
        MovableTime movableTime() {
            return new MovableTime();
        }
    }
}
