package dev.waitwell.api.order;

import dev.waitwell.api.shared.WaitwellProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Signed self-service links for customers: {@code {base}/c/orders/{id}?token=...}. The token is
 * {@code <expiry epoch seconds>.<HMAC-SHA256(orderId, expiry)>} in URL-safe base64, so it is bound to one
 * order and ends by itself; nothing is stored but the order's expiry. Public for the messages other features
 * start (an SMS's email fallback links the order page too).
 */
@Component
public class CustomerLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;
    private final String base;

    CustomerLinks(WaitwellProperties properties) {
        String secret = properties.links().secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("The customer link secret is not set. Set WAITWELL_LINK_SECRET "
                    + "(property waitwell.links.secret) to a random value of at least " + MIN_SECRET_BYTES
                    + " bytes, or run with the 'local' profile.");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("WAITWELL_LINK_SECRET (waitwell.links.secret) is too short: use at least "
                    + MIN_SECRET_BYTES + " bytes.");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.base = properties.publicBase();
    }

    public String urlFor(String orderId, Instant expiresAt) {
        return base + "/c/orders/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8) + "?token="
                + tokenFor(orderId, expiresAt);
    }

    String tokenFor(String orderId, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(orderId, expiry));
    }

    /** True when the token was made by us for this order and has not expired. Compares in constant time. */
    public boolean isValid(String orderId, String token, Instant now) {
        if (token == null || orderId == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        byte[] presented;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        boolean authentic = MessageDigest.isEqual(mac(orderId, expiry), presented);
        return authentic && now.getEpochSecond() < expiry;
    }

    private byte[] mac(String orderId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((orderId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
