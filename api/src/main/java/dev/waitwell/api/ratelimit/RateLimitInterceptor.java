package dev.waitwell.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs after authentication and before the controller: a refused request is never carried out. The caller is the
 * authenticated user, or the client address on the customer's endpoints (no login there).
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits limits;

    RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        limits.acquire(request, orderId(request)).ifPresent(retryAfter -> {
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
