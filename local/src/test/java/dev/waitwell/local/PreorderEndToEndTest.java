package dev.waitwell.local;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waitwell.local.RunningSystem.Response;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-orders from checkout to shipment through the public HTTP API, with the worker on a Temporal
 * service, real PostgreSQL, real SMTP and a Twilio-compatible HTTP endpoint.
 */
class PreorderEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void preordersAreChargedByPlanReleasedShippedAndBookedWithOneMessageEachPerChannel() {
        String sku = newProduct(9_999, 20, 10);
        String full = place(sku, "FULL", "pm_card_visa", "+14155550101");
        String deposit = place(sku, "DEPOSIT", "pm_card_mastercard", "+14155550102");
        String later = place(sku, "PAY_LATER", "pm_card_visa", "+14155550103");

        assertThat(order(full).path("paid").asLong()).isEqualTo(9_999);
        assertThat(order(deposit).path("paid").asLong()).isEqualTo(2_000);
        assertThat(order(later).path("paid").asLong()).isZero();
        assertThat(system.call("GET", "/admin/v1/products/" + sku, null, "admin")
                        .body()
                        .path("stock")
                        .path("preordered")
                        .asInt())
                .isEqualTo(3);

        assertThat(system.call("POST", "/admin/v1/products/" + sku + "/release", Map.of(), "admin")
                        .status())
                .isIn(200, 202, 204);
        for (String id : List.of(full, deposit, later)) {
            awaitStatus(id, "READY_TO_SHIP");
            assertThat(order(id).path("paid").asLong()).as(id + " paid in full").isEqualTo(9_999);
        }

        Response shipped = system.call(
                "POST",
                "/admin/v1/orders/" + full + "/shipment",
                Map.of("carrier", "UPS", "trackingNumber", "1Z-E2E-1"),
                "support");
        assertThat(shipped.status()).isEqualTo(200);
        awaitStatus(full, "SHIPPED");
        Response again = system.call(
                "POST",
                "/admin/v1/orders/" + full + "/shipment",
                Map.of("carrier", "DHL", "trackingNumber", "2"),
                "support");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        Response cancelled = system.call(
                "POST", "/admin/v1/orders/" + deposit + "/cancellation", Map.of("reason", "customer asked"), "support");
        assertThat(cancelled.status()).isEqualTo(200);
        awaitStatus(deposit, "CANCELLED");
        assertThat(order(deposit).path("refunded").asLong()).isEqualTo(9_999);
        assertThat(system.call(
                                "POST",
                                "/admin/v1/orders/" + deposit + "/cancellation",
                                Map.of("reason", "twice"),
                                "support")
                        .status())
                .isEqualTo(409);

        awaitMessages(full, "+14155550101", List.of("CONFIRMED", "RELEASED", "SHIPPED"));
        awaitMessages(deposit, "+14155550102", List.of("CONFIRMED", "CHARGED", "CANCELLED"));
        awaitMessages(later, "+14155550103", List.of("CONFIRMED", "CHARGED"));
        assertThat(emailsTo(full)).hasSize(3);
        assertThat(smsTo("+14155550101")).hasSize(3);
        assertThat(String.join("\n", smsTo("+14155550101"))).contains("1Z-E2E-1");

        JsonNode details =
                system.call("GET", "/admin/v1/orders/" + full, null, "ops").body();
        assertThat(StreamSupport.stream(details.path("timeline").spliterator(), false)
                        .map(e -> e.path("type").asText()))
                .contains("ORDER_PLACED", "PAYMENT_CHARGED", "STATUS_SHIPPED");
        assertThat(details.path("ledger").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theSameCheckoutTwiceChargesOnceAndADifferentBodyIsRefused() {
        String sku = newProduct(5_000, 50, null);
        Map<String, Object> request =
                checkout(UUID.randomUUID().toString(), sku, "DEPOSIT", "pm_card_visa", "+14155550199");

        Response first = system.call("POST", "/api/v1/orders", request, "shop");
        Response second = system.call("POST", "/api/v1/orders", request, "shop");
        Map<String, Object> changed = new java.util.HashMap<>(request);
        changed.put("quantity", 2);
        Response conflicting = system.call("POST", "/api/v1/orders", changed, "shop");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.location()).endsWith("/api/v1/orders/" + request.get("orderId"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("paid").asLong()).isEqualTo(2_500);
        assertThat(conflicting.status()).isEqualTo(409);
        String id = (String) request.get("orderId");
        RunningSystem.waitFor(
                "confirmation", Duration.ofSeconds(30), () -> emailsTo(id).size() == 1);
        assertThat(order(id).path("paid").asLong()).isEqualTo(2_500);
    }

    @Test
    void theLedgerBalancesAndDepositsAreOwedToCustomersUntilShipment() {
        JsonNode ledger = system.call("GET", "/admin/v1/ledger", null, "ops").body();

        assertThat(ledger.path("balanced").asBoolean()).isTrue();
        for (JsonNode balance : ledger.path("balances")) {
            assertThat(balance.path("cash").asLong())
                    .isEqualTo(balance.path("customerDeposits").asLong()
                            + balance.path("revenue").asLong());
        }
    }

    @Test
    void badInputAndWrongCredentialsGetProblemDetailsAndWriteNothing() {
        String sku = newProduct(1_000, 0, 1);
        Map<String, Object> bad = checkout("bad id with spaces", sku, "SOMETIMES", "pm_card_visa", "12345");

        Response invalid = system.call("POST", "/api/v1/orders", bad, "shop");
        Response anonymous = system.call(
                "POST", "/api/v1/orders", checkout("o-anon", sku, "FULL", "pm_card_visa", "+14155550100"), null);
        Response wrongRole = system.call("PUT", "/admin/v1/products/" + sku, Map.of("name", "x"), "shop");
        Response unknownMethod = system.call(
                "POST",
                "/api/v1/orders",
                checkout("o-unknown-method-" + sku, sku, "FULL", "pm_card_nonsense", "+14155550100"),
                "shop");
        Response unknownSku = system.call(
                "POST",
                "/api/v1/orders",
                checkout("o-unknown-sku-" + sku, "NO-SUCH-" + sku, "FULL", "pm_card_visa", "+14155550100"),
                "shop");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().toString()).contains("orderId", "paymentPlan");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(unknownMethod.status()).isBetween(400, 422);
        assertThat(unknownSku.status()).isIn(404, 422);
        assertThat(system.call("GET", "/api/v1/orders/o-unknown-method-" + sku, null, "admin")
                        .status())
                .isEqualTo(404);
        assertThat(system.call("GET", "/admin/v1/products/" + sku, null, "admin")
                        .body()
                        .path("stock")
                        .path("preordered")
                        .asInt())
                .isZero();

        place(sku, "FULL", "pm_card_visa", "+14155550104");
        Response capReached = system.call(
                "POST",
                "/api/v1/orders",
                checkout("o-cap-" + sku, sku, "FULL", "pm_card_visa", "+14155550105"),
                "shop");
        assertThat(capReached.status()).isEqualTo(409);
    }

    private static String newProduct(long price, int depositPercent, Integer cap) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new java.util.HashMap<>();
        product.put("name", "Camera " + sku);
        product.put("price", price);
        product.put("currency", "USD");
        product.put("releaseDate", LocalDate.now().plusDays(30).toString());
        product.put("preorderCap", cap);
        product.put("depositPercent", depositPercent);
        product.put("backorders", Map.of("allowed", false, "maxWaitDays", 30));
        product.put("restockEta", null);
        product.put("alternatives", List.of());
        Response created = system.call("PUT", "/admin/v1/products/" + sku, product, "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return sku;
    }

    private static String place(String sku, String plan, String method, String phone) {
        String orderId = "e2e-" + UUID.randomUUID();
        Response placed = system.call("POST", "/api/v1/orders", checkout(orderId, sku, plan, method, phone), "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("kind").asText()).isEqualTo("PREORDER");
        assertThat(placed.body().path("customerUrl").asText()).contains("/c/");
        return orderId;
    }

    private static Map<String, Object> checkout(String orderId, String sku, String plan, String method, String phone) {
        return Map.of(
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
                        List.of("EMAIL", "SMS")),
                "sku",
                sku,
                "quantity",
                1,
                "paymentPlan",
                plan,
                "paymentMethod",
                method);
    }

    private static JsonNode order(String orderId) {
        Response response = system.call("GET", "/api/v1/orders/" + orderId, null, "support");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static void awaitStatus(String orderId, String status) {
        RunningSystem.waitFor(
                orderId + " to be " + status,
                Duration.ofSeconds(60),
                () -> status.equals(order(orderId).path("status").asText()));
    }

    /** Waits for the milestones on both channels, then checks that nothing was sent twice. */
    private static void awaitMessages(String orderId, String phone, List<String> milestones) {
        RunningSystem.waitFor(milestones + " for " + orderId, Duration.ofSeconds(60), () -> {
            List<String> sent = new ArrayList<>();
            order(orderId).path("notifications").forEach(n -> {
                if ("SENT".equals(n.path("status").asText())) {
                    sent.add(n.path("template").asText() + "/"
                            + n.path("channel").asText());
                }
            });
            return milestones.stream().allMatch(m -> sent.contains(m + "/EMAIL") && sent.contains(m + "/SMS"));
        });
        assertThat(emailsTo(orderId)).hasSize(milestones.size());
        assertThat(smsTo(phone)).hasSize(milestones.size());
    }

    private static List<String> emailsTo(String orderId) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : system.smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(orderId + "@example.com")) {
                    subjects.add(message.getSubject());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    private static List<String> smsTo(String phone) {
        List<LoggedRequest> requests =
                system.twilio.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/.+/Messages.json")));
        return requests.stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(body -> body.contains("To=" + phone))
                .toList();
    }
}
