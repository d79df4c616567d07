package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #12's threats probed from outside, on the packaged jars as the local run starts them: a read-only role never
 * holds a customer's link, forged customer requests cannot lock support out of an order, absurd quantities and
 * oversized bodies are refused before anything is written, and another site's form cannot make a browser change
 * anything.
 */
class HostileCallersEndToEndTest {

    private static RunningSystem system;
    private static Shop shop;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
        shop = new Shop(system);
    }

    @Test
    void operationsReadAnOrderWithoutTheCustomersLinkAndSupportSendsTheLinkAgainOnTheRecord() {
        String sku = system.backorderableProduct("HOSTILE", "Hostile Lamp", 1_500);
        String orderId = shop.place("hostile-link", sku, "FULL", "pm_card_visa", "BACKORDER");

        for (String path : List.of("/api/v1/orders/" + orderId, "/admin/v1/orders/" + orderId)) {
            Response asOps = system.call("GET", path, null, "ops");
            assertThat(asOps.status()).isEqualTo(200);
            assertThat(asOps.body().toString()).doesNotContain("token=").doesNotContain("customerUrl");
        }
        assertThat(system.call("GET", "/api/v1/orders/" + orderId, null, "shop")
                        .body()
                        .path("customerUrl")
                        .asText())
                .contains("/c/orders/" + orderId + "?token=");

        assertThat(system.call("POST", "/admin/v1/orders/" + orderId + "/customer-link", Map.of(), "ops")
                        .status())
                .isEqualTo(403);
        Response resent = system.call(
                "POST", "/admin/v1/orders/" + orderId + "/customer-link", Map.of("reason", "lost it"), "support");
        assertThat(resent.status()).as(resent.body().toString()).isEqualTo(202);
        RunningSystem.waitFor(
                "the link sent again by email",
                Duration.ofSeconds(60),
                () -> shop.emailsTo(orderId).size() >= 2);
        assertThat(system.queryLong(
                        "SELECT count(*) FROM staff_actions WHERE order_id = ? AND action = 'CUSTOMER_LINK_SENT'"
                                + " AND username = 'support'",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void forgedCustomerDecisionsCostTheForgerNotTheOrderSupportStillCancels() {
        String sku = system.backorderableProduct("HOSTILE", "Hostile Lamp", 2_000);
        String orderId = shop.place("hostile-lockout", sku, "FULL", "pm_card_visa", "BACKORDER");

        for (int i = 0; i < 12; i++) {
            Response forged = system.call(
                    "POST",
                    "/c/v1/orders/" + orderId + "/decision",
                    Map.of("token", "9999999999.forged" + i, "choice", "CANCEL"),
                    null);
            assertThat(forged.status()).isIn(403, 429);
        }

        Response cancelled = system.call(
                "POST",
                "/admin/v1/orders/" + orderId + "/cancellation",
                Map.of("reason", "customer phoned"),
                "support");
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        shop.awaitStatus(orderId, "CANCELLED");
    }

    @Test
    void anAbsurdQuantityOrAnOversizedBodyIsRefusedAndWritesNothing() {
        String sku = system.backorderableProduct("HOSTILE", "Hostile Lamp", 1_000);
        String absurd = "hostile-absurd-" + UUID.randomUUID();
        Map<String, Object> checkout = new HashMap<>(Shop.checkout(absurd, sku, "FULL", "pm_card_visa"));
        checkout.put("quantity", Integer.MAX_VALUE);

        Response refused = system.call("POST", "/api/v1/orders", checkout, "shop");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().toString()).contains("quantity");

        String oversized = "{\"orderId\":\"" + absurd + "\",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Response tooLarge = system.call("POST", "/api/v1/orders", oversized, "shop");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(system.queryLong("SELECT count(*) FROM orders WHERE order_id = ?", absurd))
                .isZero();
        assertThat(system.queryLong("SELECT backordered FROM products WHERE sku = ?", sku))
                .isZero();
    }

    @Test
    void anotherSitesFormCannotReleaseAProductWithTheBrowsersCachedCredentials() {
        String sku = shop.preorderProduct("HOSTILE", 5_000, 20);

        String cachedCredentials = RunningSystem.basicAuthorization("admin");
        int forged = system.postForm(
                "/admin/v1/products/" + sku + "/release",
                Map.of("reason", "forged"),
                Map.of("Authorization", cachedCredentials, "Sec-Fetch-Site", "cross-site"));

        assertThat(forged).isEqualTo(403);
        assertThat(system.queryLong("SELECT count(*) FROM products WHERE sku = ? AND released_at IS NOT NULL", sku))
                .isZero();
    }
}
