package dev.waitwell.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts' password encoder (any Spring Security prefix), remembering each password it has just confirmed for
 * a minute: every request authenticates, and a {@code {bcrypt}} account would otherwise pay a BCrypt check (~100 ms)
 * on each. Only successes are remembered, so a wrong password always pays the full check; the entry is an
 * HMAC-SHA256, under a key drawn at start and never stored, of the stored hash and the presented password, so the
 * memory holds no password and a changed account (another stored hash) matches nothing remembered. At most
 * {@value #MAX_ENTRIES} entries: when full, the expired ones go, and all of them if none had expired.
 */
final class RememberedLogins implements PasswordEncoder {

    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;
    private static final String NOOP = "{noop}";

    private final PasswordEncoder encoders;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Long> confirmedUntil = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    RememberedLogins(PasswordEncoder encoders, LongSupplier nanoTime) {
        this.encoders = encoders;
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoders.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.startsWith(NOOP)) {
            return encoders.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        Long until = confirmedUntil.get(entry);
        long now = nanoTime.getAsLong();
        if (until != null && until - now > 0) {
            return true;
        }
        boolean matches = encoders.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(entry, now + TTL.toNanos());
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoders.upgradeEncoding(encodedPassword);
    }

    /** How many confirmed logins are held now. */
    int remembered() {
        return confirmedUntil.size();
    }

    private void remember(String entry, long until) {
        if (confirmedUntil.size() >= MAX_ENTRIES) {
            long now = nanoTime.getAsLong();
            confirmedUntil.values().removeIf(expiry -> expiry - now <= 0);
            if (confirmedUntil.size() >= MAX_ENTRIES) {
                confirmedUntil.clear();
            }
        }
        confirmedUntil.put(entry, until);
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
