package dev.waitwell.api;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The rate limits' time standing still: a test that fills a bucket finds it as it left it, however slow the
 * machine, and no test waits for the wall clock to be at a good moment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RateLimitTimeStandsStill {

    @Bean
    @Primary
    TimeMeter standingRateLimitTime() {
        long now = System.currentTimeMillis() * 1_000_000;
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
