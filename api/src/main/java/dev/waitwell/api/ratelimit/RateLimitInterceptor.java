package dev.waitwell.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs after authentication and before the controller: a refused request is never carried out. The caller is the
 * authenticated user, or the client address on the customer's endpoints (no login there).
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final FixedWindowLimiter limiter;
    private final RateLimitProperties properties;

    RateLimitInterceptor(FixedWindowLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        List<FixedWindowLimiter.Limit> limits = new ArrayList<>();
        limits.add(new FixedWindowLimiter.Limit(caller(request), properties.perUserPerMinute()));
        String orderId = orderId(request);
        if (orderId != null) {
            limits.add(new FixedWindowLimiter.Limit("order:" + orderId, properties.perOrderPerMinute()));
        }
        limiter.acquire(limits).ifPresent(retryAfter -> {
            throw new RateLimited(retryAfter);
        });
        return true;
    }

    private static String caller(HttpServletRequest request) {
        // Anonymous callers (the customer's link) have no principal here.
        return request.getUserPrincipal() != null
                ? "user:" + request.getUserPrincipal().getName()
                : "ip:" + request.getRemoteAddr();
    }

    private static String orderId(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("orderId") instanceof String orderId) {
            return orderId;
        }
        return null;
    }
}
