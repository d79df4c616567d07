package dev.waitwell.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The limited endpoints: everything that sends messages or moves money on a caller's request, and the endpoints
 * anyone may post to. Staff are counted per user and per order (the shop's checkout per user from its own allowance);
 * callers without a login per client address only,
 * so that they cannot use up an order's allowance (the customer feature takes the link holder's own once the link
 * checked out).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfig.class);
    private static final int REMOVE_AT_ONCE = 1_000;

    private final RateLimits limits;
    private final StorefrontCallers storefronts;

    RateLimitConfig(RateLimits limits, StorefrontCallers storefronts) {
        this.limits = limits;
        this.storefronts = storefronts;
    }

    /** The buckets' time; tests replace it to move time by hand. */
    @Bean
    @ConditionalOnMissingBean
    static TimeMeter rateLimitTime(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Reads (GET) on these paths are let through by the interceptor itself; the customer page's GET that tells
        // the order its customer is back from the bank takes its allowances in the customer feature (BankReturns).
        registry.addInterceptor(RateLimitInterceptor.staff(limits, storefronts))
                .addPathPatterns(
                        "/api/v1/orders",
                        "/api/v1/orders/*/payment-method",
                        "/admin/v1/orders/*/payment-retry",
                        "/admin/v1/orders/*/cancellation",
                        "/admin/v1/orders/*/shipment",
                        "/admin/v1/orders/*/decision",
                        "/admin/v1/orders/*/customer-link");
        registry.addInterceptor(RateLimitInterceptor.anonymous(limits))
                .addPathPatterns(
                        "/c/v1/orders/*/decision",
                        "/c/orders/*/decision",
                        "/c/orders/*/payment-method",
                        "/c/v1/orders/*/survey",
                        "/c/orders/*/survey");
        registry.addInterceptor(RateLimitInterceptor.webhooks(limits))
                .addPathPatterns("/webhooks/stripe", "/webhooks/twilio/status", "/webhooks/twilio/inbound");
    }

    /** Rows of buckets that are full again carry nothing: every ten minutes they go, a thousand at a time. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
    void removeFullBuckets() {
        int removed = 0;
        int batch;
        do {
            batch = limits.removeExpired(REMOVE_AT_ONCE);
            removed += batch;
        } while (batch == REMOVE_AT_ONCE);
        log.debug("Removed {} full rate limit buckets", removed);
    }
}
