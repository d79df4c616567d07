package dev.waitwell.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per user name and per client address in this instance's memory: once either has had its
 * allowance, its next attempts are refused before the password is checked (429), until the allowance refills.
 * Someone who guesses support's password from elsewhere must not lock support out, so an address the user logged
 * in from successfully within {@link #KNOWN_FOR} is spared the user name's limit (it keeps its own). A successful
 * login costs a look-up and, the first time from an address, one entry; nothing else.
 */
@Component
public class FailedLogins {

    static final Duration KNOWN_FOR = Duration.ofDays(1);
    private static final int NAME_LENGTH_LOGGED = 64;
    private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);

    private final LocalBuckets users;
    private final LocalBuckets addresses;
    private final Cache<String, Boolean> knownAddresses;

    FailedLogins(RateLimitProperties properties, TimeMeter rateLimitTime) {
        this.users = new LocalBuckets(properties.failedLoginsPerUser(), properties.failedLoginPeriod(), rateLimitTime);
        this.addresses =
                new LocalBuckets(properties.failedLoginsPerAddress(), properties.failedLoginPeriod(), rateLimitTime);
        this.knownAddresses = Caffeine.newBuilder()
                .expireAfterWrite(KNOWN_FOR)
                .maximumSize(LocalBuckets.MAXIMUM)
                .ticker(rateLimitTime::currentTimeNanos)
                .build();
    }

    /**
     * Before a login is checked: throws when the user name or the address has failed too often lately.
     *
     * @throws dev.waitwell.api.shared.ApiException 429 {@code RATE_LIMITED} with {@code Retry-After}
     */
    public void checkAllowed(String username, String address) {
        Optional<Duration> wait = addresses.check(address);
        if (wait.isEmpty() && knownAddresses.getIfPresent(known(username, address)) == null) {
            wait = users.check(username);
        }
        wait.ifPresent(retryAfter -> {
            log.info("Login refused unchecked: user {} from {} failed too often lately", loggable(username), address);
            throw new RateLimited(retryAfter);
        });
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String address = addressOf(event.getAuthentication().getDetails());
        log.warn(
                "Failed login: user {} from {} ({})",
                loggable(username),
                address,
                event.getException().getClass().getSimpleName());
        users.spend(username);
        if (address != null) {
            addresses.spend(address);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = addressOf(event.getAuthentication().getDetails());
        if (address != null) {
            String key = known(event.getAuthentication().getName(), address);
            if (knownAddresses.getIfPresent(key) == null) {
                knownAddresses.put(key, Boolean.TRUE);
            }
        }
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String known(String username, String address) {
        return address + " " + username;
    }

    /** The user name as typed, which anyone can make up: printable, quoted and cut short, so it forges no line. */
    private static String loggable(String username) {
        String printable = username.codePoints()
                .limit(NAME_LENGTH_LOGGED)
                .map(c -> Character.isISOControl(c) || !Character.isDefined(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + printable + (username.length() > NAME_LENGTH_LOGGED ? "...'" : "'");
    }
}
