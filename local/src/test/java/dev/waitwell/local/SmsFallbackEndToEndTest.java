package dev.waitwell.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waitwell.local.RunningSystem.Response;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An SMS Twilio cannot deliver: its signed status callback reaches the API, which starts the email fallback on
 * the worker, and the customer's mailbox (GreenMail) gets the SMS's text once, however often Twilio repeats it.
 */
class SmsFallbackEndToEndTest {

    private static final String CALLBACK = "/webhooks/twilio/status";
    private static final String MESSAGES = "/2010-04-01/Accounts/.+/Messages.json";

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void anUndeliveredSmsReachesTheCustomerOnceByEmailWithItsText() {
        // Numbers of other tests are +1415555....: this one is its own, so its SID is too.
        String phone = "+1415556" + String.format("%04d", (int) (Math.random() * 10_000));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilioAnswersWith(phone, sid);
        String orderId = "e2e-sms-" + UUID.randomUUID();
        placeSmsOnlyPreorder(orderId, phone);
        RunningSystem.waitFor("the confirmation SMS", Duration.ofSeconds(60), () -> smsSent(orderId));
        String smsText = smsTo(phone);

        Map<String, String> form = Map.of(
                "MessageSid",
                sid,
                "MessageStatus",
                "undelivered",
                "ErrorCode",
                "30003",
                "AccountSid",
                RunningSystem.TWILIO_SID);
        assertThat(system.postForm(CALLBACK, form, Map.of("X-Twilio-Signature", signature(form))))
                .isEqualTo(204);
        assertThat(system.postForm(CALLBACK, form, Map.of("X-Twilio-Signature", signature(form))))
                .isEqualTo(204);

        RunningSystem.waitFor(
                "the fallback email",
                Duration.ofSeconds(60),
                () -> !emailsTo(orderId).isEmpty());
        RunningSystem.waitFor(
                "the fallback on the timeline",
                Duration.ofSeconds(30),
                () -> timeline(orderId).contains("SMS_FALLBACK_EMAILED"));
        assertThat(system.postForm(CALLBACK, form, Map.of("X-Twilio-Signature", signature(form))))
                .isEqualTo(204);
        List<MimeMessage> emails = emailsTo(orderId);
        assertThat(emails).hasSize(1);
        assertThat(subject(emails.get(0)))
                .isEqualTo("Order " + orderId + " confirmed: our text message did not reach you");
        assertThat(text(emails.get(0))).contains(phone, "This is what it said:", smsText);
        assertThat(smsText).contains("Waitwell Demo Shop, order " + orderId, "/c/orders/" + orderId);
        assertThat(timeline(orderId)).contains("SMS_FAILED");
    }

    /** This test's number gets its own message SID (every other SMS gets the shared one). */
    private static void twilioAnswersWith(String phone, String sid) {
        system.twilio.stubFor(post(urlPathMatching(MESSAGES))
                .atPriority(1)
                .withFormParam("To", equalTo(phone))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"sid": "%s", "account_sid": "%s", "status": "queued", "from": "%s",
                         "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01"}
                        """.formatted(sid, RunningSystem.TWILIO_SID, RunningSystem.SHOP_NUMBER))));
    }

    private static void placeSmsOnlyPreorder(String orderId, String phone) {
        String sku = "E2E-SMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Camera " + sku);
        product.put("price", 9_999);
        product.put("currency", "USD");
        product.put("releaseDate", LocalDate.now().plusDays(30).toString());
        product.put("preorderCap", null);
        product.put("depositPercent", 0);
        product.put("backorders", Map.of("allowed", false, "maxWaitDays", 30));
        product.put("restockEta", null);
        product.put("alternatives", List.of());
        assertThat(system.call("PUT", "/admin/v1/products/" + sku, product, "admin")
                        .status())
                .isEqualTo(201);
        Response placed = system.call(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "orderId",
                        orderId,
                        "customer",
                        Map.of(
                                "id",
                                "c-" + phone,
                                "name",
                                "Grace Hopper",
                                "email",
                                orderId + "@example.com",
                                "phone",
                                phone,
                                "channels",
                                List.of("SMS")),
                        "sku",
                        sku,
                        "quantity",
                        1,
                        "paymentPlan",
                        "FULL",
                        "paymentMethod",
                        "pm_card_visa"),
                "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
    }

    private static boolean smsSent(String orderId) {
        JsonNode notifications = system.call("GET", "/api/v1/orders/" + orderId, null, "support")
                .body()
                .path("notifications");
        return StreamSupport.stream(notifications.spliterator(), false)
                .anyMatch(n -> "SMS".equals(n.path("channel").asText())
                        && "SENT".equals(n.path("status").asText()));
    }

    private static String smsTo(String phone) {
        List<LoggedRequest> sent = system.twilio.findAll(
                postRequestedFor(urlPathMatching(MESSAGES)).withFormParam("To", equalTo(phone)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).formParameters().get("StatusCallback").firstValue())
                .as("Twilio reports delivery only to the callback the message names")
                .isEqualTo(system.url(CALLBACK));
        return sent.get(0).formParameters().get("Body").firstValue();
    }

    private static List<String> timeline(String orderId) {
        JsonNode events = system.call("GET", "/api/v1/orders/" + orderId, null, "support")
                .body()
                .path("timeline");
        return StreamSupport.stream(events.spliterator(), false)
                .map(e -> e.path("type").asText())
                .toList();
    }

    private static List<MimeMessage> emailsTo(String orderId) {
        return new Shop(system).messagesTo(orderId);
    }

    private static String text(MimeMessage message) {
        return MailParts.text(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** X-Twilio-Signature as Twilio computes it, with the token RunningSystem gives the API. */
    private static String signature(Map<String, String> form) {
        StringBuilder signed = new StringBuilder(system.url(CALLBACK));
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("e2e-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
