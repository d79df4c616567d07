package dev.waitwell.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs after authentication and before the controller reads the body: a refused request is never carried out. Reads
 * (GET, HEAD) go through uncounted.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final Function<HttpServletRequest, Optional<Duration>> allowance;

    private RateLimitInterceptor(Function<HttpServletRequest, Optional<Duration>> allowance) {
        this.allowance = allowance;
    }

    /**
     * Endpoints for an account: the authenticated user's allowance (the shop's checkout's own when {@code
     * storefronts} says it is the checkout) and the order's named in the path.
     */
    static RateLimitInterceptor staff(RateLimits limits, StorefrontCallers storefronts) {
        return new RateLimitInterceptor(request -> request.getUserPrincipal() == null
                // not reached: these paths need a login; counted like an anonymous caller if ever they do not
                ? limits.acquireForAddress(request)
                : limits.acquireForAccount(
                        request.getUserPrincipal().getName(),
                        storefronts.isStorefront(request.getUserPrincipal()),
                        orderId(request)));
    }

    /** Endpoints without a login: the client address's allowance only, before any token or signature is read. */
    static RateLimitInterceptor anonymous(RateLimits limits) {
        return new RateLimitInterceptor(limits::acquireForAddress);
    }

    /** Stripe's and Twilio's webhooks: the client address's webhook allowance, before any signature is read. */
    static RateLimitInterceptor webhooks(RateLimits limits) {
        return new RateLimitInterceptor(limits::acquireForWebhook);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        allowance.apply(request).ifPresent(retryAfter -> {
            throw new RateLimited(retryAfter);
        });
        return true;
    }

    private static String orderId(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("orderId") instanceof String orderId) {
            return orderId;
        }
        return null;
    }
}
