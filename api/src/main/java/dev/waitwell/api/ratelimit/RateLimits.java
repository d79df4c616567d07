package dev.waitwell.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The allowances of limited requests: per caller (the authenticated user, or the client address on the customer's
 * endpoints, which have no login) and per order. The interceptor takes them on the limited paths; a feature takes
 * them itself for a request its path does not set apart, such as the customer page's GET that comes back from the
 * bank and tells the order.
 */
@Component
public class RateLimits {

    private final FixedWindowLimiter limiter;
    private final RateLimitProperties properties;

    RateLimits(RateLimitProperties properties, Clock clock) {
        this.limiter = new FixedWindowLimiter(clock);
        this.properties = properties;
    }

    /**
     * Takes one request from the caller's allowance and the order's, as a limited endpoint does; a refused request
     * takes nothing.
     *
     * @return whether the request may go on
     */
    public boolean tryAcquire(HttpServletRequest request, String orderId) {
        return acquire(request, orderId).isEmpty();
    }

    /** @return empty when allowed (and counted), else how long until the window that refused it ends */
    Optional<Duration> acquire(HttpServletRequest request, String orderId) {
        List<FixedWindowLimiter.Limit> limits = new ArrayList<>();
        limits.add(new FixedWindowLimiter.Limit(caller(request), properties.perUserPerMinute()));
        if (orderId != null) {
            limits.add(new FixedWindowLimiter.Limit("order:" + orderId, properties.perOrderPerMinute()));
        }
        return limiter.acquire(limits);
    }

    private static String caller(HttpServletRequest request) {
        // Anonymous callers (the customer's link) have no principal here.
        return request.getUserPrincipal() != null
                ? "user:" + request.getUserPrincipal().getName()
                : "ip:" + request.getRemoteAddr();
    }
}
