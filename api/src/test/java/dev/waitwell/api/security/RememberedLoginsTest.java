package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A BCrypt account pays its check once a minute, not on every request; a wrong password pays it every time. */
class RememberedLoginsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final PasswordEncoder counted = new CountingEncoder();
    private final RememberedLogins logins = new RememberedLogins(counted, now::get);
    private final String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret-enough");

    @Test
    void remembersAConfirmedPasswordForAMinute() {
        assertThat(logins.matches("s3cret-enough", hash)).isTrue();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(logins.matches("s3cret-enough", hash)).isTrue();
        assertThat(checks).hasValue(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(logins.matches("s3cret-enough", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void checksAWrongPasswordEveryTimeAndNeverLetsItIn() {
        assertThat(logins.matches("s3cret-enough", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(logins.matches("guess", hash)).isFalse();
        }
        assertThat(checks).hasValue(4);
    }

    @Test
    void aPasswordRememberedForOneHashDoesNotOpenAnother() {
        String changed = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("new-password");
        assertThat(logins.matches("s3cret-enough", hash)).isTrue();

        assertThat(logins.matches("s3cret-enough", changed)).isFalse();
    }

    @Test
    void holdsAtMostTenThousandLoginsAndKeepsTheNewest() {
        int last = RememberedLogins.MAX_ENTRIES + 4;
        for (int i = 0; i <= last; i++) {
            assertThat(logins.matches("password-" + i, "{counted}password-" + i))
                    .isTrue();
        }
        assertThat(logins.remembered()).isLessThanOrEqualTo(RememberedLogins.MAX_ENTRIES);

        checks.set(0);
        assertThat(logins.matches("password-" + last, "{counted}password-" + last))
                .isTrue();
        assertThat(checks).hasValue(0);
    }

    /** Delegates to Spring Security's encoders and counts the checks; {counted}x matches x without hashing. */
    private final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder encoders = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return encoders.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            if (encoded.startsWith("{counted}")) {
                return encoded.substring("{counted}".length()).contentEquals(raw);
            }
            return encoders.matches(raw, encoded);
        }
    }
}
