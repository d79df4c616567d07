package dev.waitwell.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per user name at a client address and per client address, in this instance's memory: once
 * either has had its allowance, its next attempts are refused before the password is checked (429), until the
 * allowance refills. A user name is never counted on its own: whoever guesses support's password from elsewhere
 * spends their own address's allowances and must not lock support (or the shop's checkout) out. A successful login
 * costs nothing.
 */
@Component
public class FailedLogins {

    private static final int NAME_LENGTH_LOGGED = 64;
    private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);

    private final LocalBuckets usersAtAddresses;
    private final LocalBuckets addresses;

    FailedLogins(RateLimitProperties properties, TimeMeter rateLimitTime) {
        this.usersAtAddresses =
                new LocalBuckets(properties.failedLoginsPerUser(), properties.failedLoginPeriod(), rateLimitTime);
        this.addresses =
                new LocalBuckets(properties.failedLoginsPerAddress(), properties.failedLoginPeriod(), rateLimitTime);
    }

    /**
     * Before a login is checked: throws when the user name at this address, or the address, has failed too often
     * lately.
     *
     * @throws dev.waitwell.api.shared.ApiException 429 {@code RATE_LIMITED} with {@code Retry-After}
     */
    public void checkAllowed(String username, String address) {
        Optional<Duration> wait = addresses.check(address);
        if (wait.isEmpty()) {
            wait = usersAtAddresses.check(userAt(username, address));
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
        usersAtAddresses.spend(userAt(username, address));
        if (address != null) {
            addresses.spend(address);
        }
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String userAt(String username, String address) {
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
