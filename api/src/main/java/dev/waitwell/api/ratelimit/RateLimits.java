package dev.waitwell.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The allowances of limited requests, kept apart by who asks so that no caller can use up anyone else's:
 *
 * <ul>
 *   <li>staff (an authenticated account): per user and per order, in PostgreSQL, shared by every API instance; the
 *       shop's checkout account per user from an allowance of its own, as large as a launch needs;
 *   <li>the endpoints without a login (the customer's link, Stripe's and Twilio's callbacks): per client address
 *       only, whatever the token or signature, in this instance's memory;
 *   <li>the holder of an order's link: per order, in PostgreSQL, an allowance of its own, taken only once the link
 *       checked out (by the customer feature, which verifies it).
 * </ul>
 *
 * A forged request therefore costs its sender's address, never an order's: support can still act on it. The client
 * address is the request's remote address, which Spring Boot replaces with the proxy's forwarded one only when
 * {@code server.forward-headers-strategy} says to trust it; the headers are never read here.
 */
@Component
public class RateLimits {

    private final SharedBuckets shared;
    private final LocalBuckets addresses;
    private final LocalBuckets webhookAddresses;

    RateLimits(RateLimitProperties properties, DataSource dataSource, TimeMeter rateLimitTime) {
        this.shared = new SharedBuckets(
                dataSource,
                rateLimitTime,
                properties.perUserPerMinute(),
                properties.perStorefrontPerMinute(),
                properties.perOrderPerMinute());
        this.addresses = new LocalBuckets(properties.perAddressPerMinute(), Duration.ofMinutes(1), rateLimitTime);
        this.webhookAddresses =
                new LocalBuckets(properties.webhooksPerAddressPerMinute(), Duration.ofMinutes(1), rateLimitTime);
    }

    /**
     * One of the staff user's requests and, when it names an order, one of the order's staff requests; a request
     * refused by either takes from neither.
     *
     * @return empty when allowed (and counted), else how long until it would be
     */
    Optional<Duration> acquireForStaff(String user, String orderId) {
        return acquireForAccount(user, false, orderId);
    }

    /**
     * As {@link #acquireForStaff}, from the shop's checkout allowance when {@code storefront}.
     *
     * @return empty when allowed (and counted), else how long until it would be
     */
    Optional<Duration> acquireForAccount(String user, boolean storefront, String orderId) {
        if (orderId == null) {
            return takeFromAccount(user, storefront);
        }
        String order = "order:" + orderId;
        Optional<Duration> refused = shared.takeFromOrder(order);
        if (refused.isPresent()) {
            return refused;
        }
        refused = takeFromAccount(user, storefront);
        if (refused.isPresent()) {
            shared.giveBackToOrder(order);
        }
        return refused;
    }

    private Optional<Duration> takeFromAccount(String user, boolean storefront) {
        return storefront ? shared.takeFromStorefront(user) : shared.takeFromUser(user);
    }

    /** @return empty when the client address may make one more request without a login (and it is counted) */
    Optional<Duration> acquireForAddress(HttpServletRequest request) {
        return addresses.take(request.getRemoteAddr());
    }

    /** @return empty when the client address may post one more webhook (and it is counted) */
    Optional<Duration> acquireForWebhook(HttpServletRequest request) {
        return webhookAddresses.take(request.getRemoteAddr());
    }

    /**
     * Takes one of the order's requests by the holder of its link. Call it only once the link checked out, so that
     * no one else can use it up.
     *
     * @throws dev.waitwell.api.shared.ApiException 429 {@code RATE_LIMITED} with {@code Retry-After} when none is
     *     left: nothing may be done
     */
    public void acquireForCustomer(String orderId) {
        shared.takeFromOrder("customer:" + orderId).ifPresent(retryAfter -> {
            throw new RateLimited(retryAfter);
        });
    }

    /**
     * The customer's return from their bank, on a GET that no interceptor counts: one request of the client address
     * and one of the order's customer allowance (call it once the link checked out); refused by either, it takes
     * from neither.
     *
     * @return whether the request may go on
     */
    public boolean tryAcquireForCustomer(HttpServletRequest request, String orderId) {
        if (acquireForAddress(request).isPresent()) {
            return false;
        }
        if (shared.takeFromOrder("customer:" + orderId).isPresent()) {
            addresses.giveBack(request.getRemoteAddr());
            return false;
        }
        return true;
    }

    /** Removes up to {@code batch} buckets that are full again from PostgreSQL; @return how many */
    int removeExpired(int batch) {
        return shared.removeExpired(batch);
    }
}
