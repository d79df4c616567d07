package dev.waitwell.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Stripe's webhook deliveries as Stripe makes them: events in Stripe's JSON and the {@code Stripe-Signature} header
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<payload>" keyed with the whole whsec_ secret>}.
 */
public final class StripeWebhooks {

    /** The webhook secret of the test configuration (application-test.yml). */
    public static final String SECRET = "whsec_test_webhook_secret";
    /** Rendered in an API version older than the SDK's, as an account pinned to it gets them. */
    private static final String API_VERSION = "2020-08-27";

    private StripeWebhooks() {}

    /** A delivery signed now with the configured secret. */
    public static MockHttpServletRequestBuilder delivery(String payload) {
        return delivery(payload, signature(payload, SECRET, Instant.now().getEpochSecond()));
    }

    /** A delivery with this {@code Stripe-Signature} (null: none). */
    public static MockHttpServletRequestBuilder delivery(String payload, String signature) {
        MockHttpServletRequestBuilder request = post("/webhooks/stripe")
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .content(payload.getBytes(StandardCharsets.UTF_8));
        return signature == null ? request : request.header("Stripe-Signature", signature);
    }

    public static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event around {@code object} (JSON), pretty-printed as Stripe sends them. */
    public static String event(String eventId, String type, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "data": {
                    "object": %s
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }""".formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), object, type);
    }

    public static String paymentIntent(String paymentIntent, String status, String orderId) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 3000, "currency": "eur", "status": "%s",
                 "metadata": {"order_id": "%s"}, "latest_charge": "ch_%s", "livemode": false}""".formatted(paymentIntent, status, orderId, paymentIntent.substring(3));
    }

    public static String refundedCharge(String charge, String paymentIntent) {
        return """
                {"id": "%s", "object": "charge", "amount": 3000, "amount_refunded": 1000, "currency": "eur",
                 "payment_intent": "%s", "refunded": false, "status": "succeeded"}""".formatted(charge, paymentIntent);
    }

    public static String dispute(String dispute, String paymentIntent, long amount, String reason, long created) {
        return dispute(dispute, paymentIntent, amount, "eur", reason, created);
    }

    /** A dispute of {@code amount} in Stripe's unit of {@code currency} (lower case, as Stripe writes it). */
    public static String dispute(
            String dispute, String paymentIntent, long amount, String currency, String reason, long created) {
        return """
                {"id": "%s", "object": "dispute", "amount": %d, "currency": "%s", "charge": "ch_disputed",
                 "payment_intent": "%s", "reason": "%s", "status": "needs_response", "created": %d,
                 "is_charge_refundable": false, "livemode": false}""".formatted(dispute, amount, currency, paymentIntent, reason, created);
    }
}
