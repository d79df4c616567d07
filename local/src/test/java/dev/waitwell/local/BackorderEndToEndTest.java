package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backorders through the public HTTP API: honest promise dates from purchase orders and queue position,
 * receipts allocated in priority order with the head taking a partial share, units of a cancelled order
 * going to the next in line, in-stock orders allocated at once.
 */
class BackorderEndToEndTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void backordersArePromisedFromPurchaseOrdersAndServedInPriorityOrderAsStockArrives() {
        String sku = newProduct(true, 60);
        assertThat(checkout("x-" + sku, sku, 1).body().path("code").asText()).isEqualTo("NO_RESTOCK_IN_SIGHT");

        purchaseOrder("po1-" + sku, sku, 5, TODAY.plusDays(10));
        purchaseOrder("po2-" + sku, sku, 10, TODAY.plusDays(20));
        String first = backorder(sku, 3, TODAY.plusDays(12));
        String second = backorder(sku, 3, TODAY.plusDays(22));
        String urgent = backorder(sku, 2, TODAY.plusDays(22));
        assertThat(system.call(
                                "POST",
                                "/admin/v1/orders/" + urgent + "/priority",
                                Map.of("priority", 5, "reason", "VIP customer"),
                                "support")
                        .status())
                .isEqualTo(200);

        Response receipt = system.call(
                "POST",
                "/admin/v1/purchase-orders/po1-" + sku + "/receipts",
                Map.of("quantity", 5, "reference", "GRN-1"),
                "admin");

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(allocatedUnits(receipt.body())).containsExactly(Map.entry(urgent, 2), Map.entry(first, 3));
        awaitStatus(urgent, "READY_TO_SHIP");
        awaitStatus(first, "READY_TO_SHIP");
        assertThat(order(second).path("status").asText()).isEqualTo("AWAITING_STOCK");

        Response again = system.call(
                "POST",
                "/admin/v1/purchase-orders/po1-" + sku + "/receipts",
                Map.of("quantity", 5, "reference", "GRN-1"),
                "admin");
        assertThat(again.status()).isEqualTo(200);
        assertThat(stock(sku).path("onHand").asInt()).isZero();

        Response partial = system.call(
                "POST",
                "/admin/v1/products/" + sku + "/receipts",
                Map.of("quantity", 2, "reference", "LOOSE-1"),
                "admin");
        assertThat(allocatedUnits(partial.body())).containsExactly(Map.entry(second, 2));
        RunningSystem.waitFor(
                "partial allocation",
                Duration.ofSeconds(30),
                () -> order(second).path("allocatedUnits").asInt() == 2);
        assertThat(order(second).path("status").asText()).isEqualTo("AWAITING_STOCK");

        assertThat(system.call(
                                "POST",
                                "/admin/v1/orders/" + first + "/cancellation",
                                Map.of("reason", "customer asked"),
                                "support")
                        .status())
                .isEqualTo(200);
        awaitStatus(second, "READY_TO_SHIP");
        JsonNode stock = stock(sku);
        assertThat(stock.path("onHand").asInt()).isEqualTo(2);
        assertThat(stock.path("allocated").asInt()).isEqualTo(5);
        assertThat(stock.path("backordered").asInt()).isZero();

        Response inStock = checkout("in-" + sku, sku, 2);
        assertThat(inStock.status()).isEqualTo(201);
        assertThat(inStock.body().path("kind").asText()).isEqualTo("IN_STOCK");
        awaitStatus("in-" + sku, "READY_TO_SHIP");
        assertThat(stock(sku).path("onHand").asInt()).isZero();
    }

    @Test
    void refusesBackordersThatCannotBePromisedHonestly() {
        String notAllowed = newProduct(false, 30);
        String tooLate = newProduct(true, 7);
        purchaseOrder("po-late-" + tooLate, tooLate, 10, TODAY.plusDays(30));

        assertThat(checkout("n-" + notAllowed, notAllowed, 1)
                        .body()
                        .path("code")
                        .asText())
                .isEqualTo("BACKORDERS_NOT_ALLOWED");
        Response late = checkout("l-" + tooLate, tooLate, 1);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("code").asText()).isEqualTo("RESTOCK_TOO_LATE");
        assertThat(system.call("GET", "/api/v1/orders/l-" + tooLate, null, "admin")
                        .status())
                .isEqualTo(404);
        assertThat(stock(tooLate).path("backordered").asInt()).isZero();
    }

    private static String newProduct(boolean backordersAllowed, int maxWaitDays) {
        String sku = "BO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Kettle " + sku);
        product.put("price", 4_000);
        product.put("currency", "EUR");
        product.put("releaseDate", null);
        product.put("preorderCap", null);
        product.put("depositPercent", 0);
        product.put("backorders", Map.of("allowed", backordersAllowed, "maxWaitDays", maxWaitDays));
        product.put("restockEta", null);
        product.put("alternatives", List.of());
        assertThat(system.call("PUT", "/admin/v1/products/" + sku, product, "admin")
                        .status())
                .isEqualTo(201);
        return sku;
    }

    private static void purchaseOrder(String id, String sku, int quantity, LocalDate expected) {
        Response created = system.call(
                "POST",
                "/admin/v1/purchase-orders",
                Map.of(
                        "id",
                        id,
                        "supplier",
                        "Acme",
                        "sku",
                        sku,
                        "quantity",
                        quantity,
                        "expectedDate",
                        expected.toString()),
                "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private static String backorder(String sku, int quantity, LocalDate promised) {
        String orderId = "bo-" + UUID.randomUUID();
        Response placed = checkout(orderId, sku, quantity);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("kind").asText()).isEqualTo("BACKORDER");
        assertThat(placed.body().path("status").asText()).isEqualTo("AWAITING_STOCK");
        assertThat(placed.body().path("promisedDate").asText()).isEqualTo(promised.toString());
        return orderId;
    }

    private static Response checkout(String orderId, String sku, int quantity) {
        return system.call(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "orderId",
                        orderId,
                        "customer",
                        Map.of(
                                "id",
                                "c-bo",
                                "name",
                                "Alan Turing",
                                "email",
                                orderId + "@example.com",
                                "channels",
                                List.of("EMAIL")),
                        "sku",
                        sku,
                        "quantity",
                        quantity,
                        "paymentPlan",
                        "FULL",
                        "paymentMethod",
                        "pm_card_visa"),
                "shop");
    }

    private static Map<String, Integer> allocatedUnits(JsonNode receipt) {
        Map<String, Integer> units = new java.util.LinkedHashMap<>();
        receipt.path("allocations")
                .forEach(a ->
                        units.put(a.path("orderId").asText(), a.path("quantity").asInt()));
        return units;
    }

    private static JsonNode stock(String sku) {
        return system.call("GET", "/admin/v1/products/" + sku, null, "admin")
                .body()
                .path("stock");
    }

    private static JsonNode order(String orderId) {
        return system.call("GET", "/api/v1/orders/" + orderId, null, "support").body();
    }

    private static void awaitStatus(String orderId, String status) {
        RunningSystem.waitFor(
                orderId + " to be " + status,
                Duration.ofSeconds(60),
                () -> status.equals(order(orderId).path("status").asText()));
    }
}
