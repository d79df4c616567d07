package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
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
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 from outside, on the packaged jars: a customer decides a delayed backorder by texting WAIT and gets the
 * reward the link would have given, and a survey sent after shipment, answered 5 by text, shows in the metrics
 * report. Its own system, so that surveys go seconds after shipment without reaching other tests' customers.
 */
class CustomerVoiceEndToEndTest {

    private static final String INBOUND = "/webhooks/twilio/inbound";

    private static RunningSystem system;
    private static Shop shop;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.start(Map.of(
                "WAITWELL_POLICY_SURVEY_DELAY", "PT2S",
                "WAITWELL_SURVEY_SWEEP_INTERVAL", "PT2S"));
        shop = new Shop(system);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aDelayedBackorderDecidedByTextingWaitGetsItsReward() {
        String sku = shop.backorderProduct("VOICE", 3_000, List.of());
        String purchaseOrder = shop.purchaseOrder(sku, 5);
        String phone = newPhone();
        String orderId = place(sku, phone);
        shop.awaitStatus(orderId, "AWAITING_STOCK");

        shop.slip(purchaseOrder);
        shop.awaitStatus(orderId, "AWAITING_DECISION");
        RunningSystem.waitFor(
                "the delay notice by SMS",
                Duration.ofSeconds(60),
                () -> smsTo(phone).stream().anyMatch(sms -> sms.contains("WAIT")));

        int answered = text(phone, " wait ");

        assertThat(answered).isEqualTo(200);
        shop.awaitStatus(orderId, "AWAITING_STOCK");
        JsonNode order = shop.adminOrder(orderId);
        assertThat(order.path("rewardCode").asText()).isNotBlank();
        assertThat(system.queryLong(
                        "SELECT count(*) FROM staff_actions WHERE order_id = ? AND username = 'customer'", orderId))
                .isEqualTo(1);
        assertThat(text(phone, "STATUS")).isEqualTo(200);
        assertThat(system.postForm(INBOUND, form(phone, "CANCEL"), Map.of("X-Twilio-Signature", "forged")))
                .isEqualTo(403);
        assertThat(shop.status(orderId)).isEqualTo("AWAITING_STOCK");
    }

    @Test
    void aSurveyAnsweredFiveByTextShowsInTheMetricsReport() {
        String sku = shop.inStockProduct("VOICE", 2_000, 3);
        String phone = newPhone();
        String orderId = place(sku, phone);
        // An order from stock is READY_TO_SHIP from checkout on: ship once the warehouse was asked to.
        RunningSystem.waitFor(
                "the fulfilment request",
                Duration.ofSeconds(60),
                () -> system.queryLong("SELECT count(*) FROM fulfilment_requests WHERE order_id = ?", orderId) == 1);
        shop.ship(orderId);
        RunningSystem.waitFor(
                "the survey by SMS",
                Duration.ofSeconds(60),
                () -> smsTo(phone).stream().anyMatch(sms -> sms.contains("Reply 1-5")));

        assertThat(text(phone, "5 no wait at all")).isEqualTo(200);

        LocalDate today = LocalDate.now();
        Response report = system.call(
                "GET",
                "/admin/v1/reports/metrics?sku=" + sku + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                null,
                "ops");
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        JsonNode satisfaction = report.body().path("overall").path("satisfaction");
        assertThat(satisfaction.path("responses").asLong()).isEqualTo(1);
        assertThat(satisfaction.path("average").decimalValue()).isEqualByComparingTo("5");
        assertThat(satisfaction.path("distribution").path("5").asLong()).isEqualTo(1);
    }

    private static String place(String sku, String phone) {
        String orderId = "voice-" + UUID.randomUUID();
        Map<String, Object> checkout = new HashMap<>(Shop.checkout(orderId, sku, "FULL", "pm_card_visa"));
        checkout.put(
                "customer",
                Map.of(
                        "id",
                        "c-" + orderId,
                        "name",
                        "Grace Hopper",
                        "email",
                        orderId + "@example.com",
                        "phone",
                        phone,
                        "channels",
                        List.of("EMAIL", "SMS")));
        Response placed = system.call("POST", "/api/v1/orders", checkout, "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return orderId;
    }

    /** A text from the customer's phone, signed as Twilio signs it; returns the status. */
    private static int text(String phone, String body) {
        Map<String, String> form = form(phone, body);
        return system.postForm(INBOUND, form, Map.of("X-Twilio-Signature", signature(form)));
    }

    private static Map<String, String> form(String phone, String body) {
        return Map.of(
                "From",
                phone,
                "To",
                RunningSystem.SHOP_NUMBER,
                "Body",
                body,
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                "AccountSid",
                "AC" + "0".repeat(32));
    }

    private static List<String> smsTo(String phone) {
        return system.smsBodiesTo(phone);
    }

    private static String newPhone() {
        return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    /** X-Twilio-Signature as Twilio computes it, with the token RunningSystem gives the API. */
    private static String signature(Map<String, String> form) {
        StringBuilder signed = new StringBuilder(system.url(INBOUND));
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
