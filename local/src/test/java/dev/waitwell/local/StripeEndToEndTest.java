package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.stripe.standin.SignedEvent;
import dev.waitwell.stripe.standin.StripeStandIn;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real money's path through the packaged system: the worker and the API with WAITWELL_PAYMENTS_GATEWAY=stripe,
 * talking through stripe-java to a stand-in of Stripe's API that behaves like its test cards, and Stripe's signed
 * webhooks posted to the API as Stripe would.
 */
class StripeEndToEndTest {

    private static final String WEBHOOK_SECRET = "whsec_end_to_end_0123456789";

    private static StripeStandIn stripe;
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        stripe = StripeStandIn.start();
        system = RunningSystem.start(Map.of(
                "WAITWELL_PAYMENTS_GATEWAY",
                "stripe",
                "WAITWELL_PAYMENTS_STRIPE_SECRET_KEY",
                "sk_test_end_to_end",
                "WAITWELL_PAYMENTS_STRIPE_API_BASE",
                stripe.baseUrl(),
                "WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET",
                WEBHOOK_SECRET));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void aPreorderWhoseBankAsksForConfirmationWaitsShowsTheButtonAndGoesOnWithTheSignedWebhook() {
        String sku = newProduct();
        String orderId = "e2e-sca-" + UUID.randomUUID();

        Response placed =
                system.call("POST", "/api/v1/orders", checkout(orderId, sku, "pm_card_authenticationRequired"), "shop");

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(placed.body().path("paid").asLong()).isZero();
        assertThat(placed.body().path("paymentIssue").path("code").asText()).isEqualTo("authentication_required");
        String customerUrl = placed.body().path("customerUrl").asText();
        String deposit = onlyIntent(orderId);
        assertThat(system.page(customerUrl)).contains("Confirm with your bank", stripe.baseUrl());

        stripe.completeAuthentication(deposit, true);
        assertThat(postEvent("payment_intent.succeeded", deposit, WEBHOOK_SECRET))
                .isEqualTo(200);
        awaitStatus(orderId, "AWAITING_RELEASE");
        assertThat(order(orderId).path("paid").asLong()).isEqualTo(2_000);

        // The balance is charged off-session on release: this card's bank asks again.
        assertThat(system.call("POST", "/admin/v1/products/" + sku + "/release", Map.of(), "admin")
                        .status())
                .isIn(200, 202, 204);
        awaitStatus(orderId, "AWAITING_PAYMENT");
        assertThat(order(orderId).path("paymentIssue").path("code").asText()).isEqualTo("authentication_required");
        String balance = stripe.paymentIntentsWithMetadata("order_id", orderId).stream()
                .filter(intent -> !intent.equals(deposit))
                .findFirst()
                .orElseThrow();
        assertThat(system.page(customerUrl)).contains("Confirm with your bank");

        stripe.completeAuthentication(balance, true);
        int readsBefore =
                stripe.requests("GET", "/v1/payment_intents/" + balance).size();
        SignedEvent forged = StripeStandIn.signedEvent(
                "payment_intent.succeeded", stripe.paymentIntentJson(balance), "whsec_forged");
        assertThat(system.postRaw(
                        "/webhooks/stripe",
                        "application/json",
                        forged.payload(),
                        Map.of("Stripe-Signature", forged.signature())))
                .as("a forged signature")
                .isEqualTo(400);
        assertThat(system.queryLong("SELECT count(*) FROM payment_events WHERE event_id = ?", forged.id()))
                .as("a forged event is not recorded")
                .isZero();
        pause(Duration.ofSeconds(3)); // time for a signal, had one been sent
        assertThat(stripe.requests("GET", "/v1/payment_intents/" + balance))
                .as("the order did not check its charge on the forged event's word")
                .hasSize(readsBefore);
        assertThat(order(orderId).path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(postEvent("payment_intent.succeeded", balance, WEBHOOK_SECRET))
                .isEqualTo(200);
        awaitStatus(orderId, "READY_TO_SHIP");
        assertThat(order(orderId).path("paid").asLong()).isEqualTo(10_000);
        assertThat(order(orderId).path("paymentIssue").isNull()).isTrue();

        assertThat(system.call(
                                "POST",
                                "/admin/v1/orders/" + orderId + "/shipment",
                                Map.of("carrier", "UPS", "trackingNumber", "1Z-SCA"),
                                "support")
                        .status())
                .isEqualTo(200);
        awaitStatus(orderId, "SHIPPED");

        List<RecordedRequest> intents = stripe.requests("POST", "/v1/payment_intents");
        assertThat(intents)
                .as("one PaymentIntent per charge, each under its own key")
                .hasSize(2);
        assertThat(intents)
                .allSatisfy(request -> assertThat(request.idempotencyKey()).startsWith(orderId + "/charge/"));
        assertThat(intents.get(0).param("setup_future_usage")).isEqualTo("off_session");
        assertThat(intents.get(1).param("off_session")).isEqualTo("true");
        assertThat(stripe.requests())
                .filteredOn(request -> request.method().equals("POST"))
                .allSatisfy(request -> assertThat(request.idempotencyKey()).isNotBlank());
        JsonNode ledger = system.call("GET", "/admin/v1/ledger", null, "ops").body();
        assertThat(ledger.path("balanced").asBoolean()).isTrue();
        JsonNode details = system.call("GET", "/admin/v1/orders/" + orderId, null, "support")
                .body();
        assertThat(details.path("paymentTotals").path("paid").asLong()).isEqualTo(10_000);
        assertThat(details.path("paymentTotals").path("netHeld").asLong()).isEqualTo(10_000);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long sum(JsonNode ledger, String account, String side) {
        long total = 0;
        for (JsonNode line : ledger) {
            if (account.equalsIgnoreCase(line.path("account").asText().replace("_", ""))) {
                total += line.path(side).asLong();
            }
        }
        return total;
    }

    private static int postEvent(String type, String paymentIntent, String secret) {
        SignedEvent event = StripeStandIn.signedEvent(type, stripe.paymentIntentJson(paymentIntent), secret);
        return system.postRaw(
                "/webhooks/stripe", "application/json", event.payload(), Map.of("Stripe-Signature", event.signature()));
    }

    private static String onlyIntent(String orderId) {
        List<String> intents = stripe.paymentIntentsWithMetadata("order_id", orderId);
        assertThat(intents).hasSize(1);
        return intents.get(0);
    }

    private static String newProduct() {
        String sku =
                "E2E-STRIPE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Camera " + sku);
        product.put("price", 10_000);
        product.put("currency", "USD");
        product.put("releaseDate", LocalDate.now().plusDays(30).toString());
        product.put("preorderCap", 10);
        product.put("depositPercent", 20);
        product.put("backorders", Map.of("allowed", false, "maxWaitDays", 30));
        product.put("restockEta", null);
        product.put("alternatives", List.of());
        Response created = system.call("PUT", "/admin/v1/products/" + sku, product, "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return sku;
    }

    private static Map<String, Object> checkout(String orderId, String sku, String method) {
        return Map.of(
                "orderId",
                orderId,
                "customer",
                Map.of(
                        "id",
                        "c-sca",
                        "name",
                        "Grace Hopper",
                        "email",
                        orderId + "@example.com",
                        "phone",
                        "+14155550177",
                        "channels",
                        List.of("EMAIL", "SMS")),
                "sku",
                sku,
                "quantity",
                1,
                "paymentPlan",
                "DEPOSIT",
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
}
