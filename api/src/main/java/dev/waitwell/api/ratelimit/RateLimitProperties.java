package dev.waitwell.api.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perUserPerMinute limited requests one user (or one client address on the customer's endpoints) may make
 *     per minute
 * @param perOrderPerMinute limited requests on one order per minute, whoever makes them
 */
@ConfigurationProperties("waitwell.rate-limit")
record RateLimitProperties(
        @DefaultValue("3000") int perUserPerMinute,
        @DefaultValue("10") int perOrderPerMinute) {

    RateLimitProperties {
        if (perUserPerMinute < 1 || perOrderPerMinute < 1) {
            throw new IllegalArgumentException("waitwell.rate-limit.per-user-per-minute and per-order-per-minute "
                    + "(WAITWELL_RATE_LIMIT_PER_USER_PER_MINUTE, WAITWELL_RATE_LIMIT_PER_ORDER_PER_MINUTE) must be "
                    + "at least 1");
        }
    }
}
