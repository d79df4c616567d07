package dev.waitwell.api.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The limited endpoints: everything that sends messages or moves money on a caller's request, and Stripe's webhook,
 * which anyone may post to.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig implements WebMvcConfigurer {

    private final RateLimitInterceptor interceptor;

    RateLimitConfig(RateLimits limits) {
        this.interceptor = new RateLimitInterceptor(limits);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Reads (GET) on these paths are let through by the interceptor itself; the customer page's GET that tells
        // the order its customer is back from the bank takes its allowance in the customer feature (BankReturns).
        registry.addInterceptor(interceptor)
                .addPathPatterns(
                        "/api/v1/orders",
                        "/api/v1/orders/*/payment-method",
                        "/admin/v1/orders/*/payment-retry",
                        "/admin/v1/orders/*/cancellation",
                        "/admin/v1/orders/*/shipment",
                        "/admin/v1/orders/*/decision",
                        "/admin/v1/orders/*/customer-link",
                        "/c/v1/orders/*/decision",
                        "/c/orders/*/decision",
                        "/c/orders/*/payment-method",
                        // Anonymous like the customer's endpoints: limited per client address.
                        "/webhooks/stripe");
    }
}
