package dev.waitwell.stripe.standin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook event as Stripe delivers it: the JSON body and its {@code Stripe-Signature} header,
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed with the whole endpoint secret>}.
 *
 * @param id the event's id ({@code evt_...})
 * @param payload the request body, exactly as signed
 * @param signature the value of the {@code Stripe-Signature} header
 */
public record SignedEvent(String id, String payload, String signature) {

    /**
     * Signs {@code {"object": "event", "type": type, "data": {"object": objectJson}, ...}} with {@code secret} at
     * {@code signedAt}, with the API version stripe-java 33.3.0 reads ({@link StripeStandIn#API_VERSION}).
     */
    public static SignedEvent of(String type, String objectJson, String secret, Instant signedAt) {
        String id = Store.newId("evt");
        long created = signedAt.getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", StripeStandIn.API_VERSION);
        event.put("created", created);
        event.put("data", Map.of("object", new Json.Raw(objectJson)));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = Json.write(event);
        return new SignedEvent(id, payload, header(payload, secret, created));
    }

    /** The {@code Stripe-Signature} header of {@code payload} signed with {@code secret} at {@code timestamp}. */
    public static String header(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
