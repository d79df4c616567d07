package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the shop and its staff do through the HTTP API of a running system, for the end-to-end tests that set up
 * many orders at once: products, checkouts, purchase orders and receipts, and reading an order back. Each product
 * gets a fresh sku and each order a fresh id, so tests on one system keep out of each other's way. Customers are
 * reachable by email only, at {@code <orderId>@example.com}.
 */
final class Shop {

    static final Duration STATUS_WAIT = Duration.ofSeconds(90);

    private final RunningSystem system;

    Shop(RunningSystem system) {
        this.system = system;
    }

    /** A product released in 30 days, taking pre-orders with a deposit of {@code depositPercent}. */
    String preorderProduct(String prefix, long price, int depositPercent) {
        return product(prefix, price, LocalDate.now().plusDays(30), null, depositPercent, false, List.of());
    }

    /** As {@link #preorderProduct(String, long, int)}, taking at most {@code cap} pre-orders. */
    String preorderProduct(String prefix, long price, int depositPercent, int cap) {
        return product(prefix, price, LocalDate.now().plusDays(30), cap, depositPercent, false, List.of());
    }

    /** A product on sale now, out of stock, taking backorders promised up to 60 days out. */
    String backorderProduct(String prefix, long price, List<String> alternatives) {
        return product(prefix, price, null, null, 0, true, alternatives);
    }

    /** A product on sale now with {@code units} in stock. */
    String inStockProduct(String prefix, long price, int units) {
        String sku = product(prefix, price, null, null, 0, false, List.of());
        receive(sku, units);
        return sku;
    }

    private String product(
            String prefix,
            long price,
            LocalDate releaseDate,
            Integer preorderCap,
            int depositPercent,
            boolean backorders,
            List<String> alternatives) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Product " + sku);
        product.put("price", price);
        product.put("currency", "USD");
        product.put("releaseDate", releaseDate == null ? null : releaseDate.toString());
        product.put("preorderCap", preorderCap);
        product.put("depositPercent", depositPercent);
        product.put("backorders", Map.of("allowed", backorders, "maxWaitDays", 60));
        product.put("restockEta", null);
        product.put("alternatives", alternatives);
        Response created = system.call("PUT", "/admin/v1/products/" + sku, product, "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return sku;
    }

    /** Goods in without a purchase order; answers the receipt (with its {@code allocations}). */
    JsonNode receive(String sku, int units) {
        Response receipt = system.call(
                "POST",
                "/admin/v1/products/" + sku + "/receipts",
                Map.of("quantity", units, "reference", "GRN-" + UUID.randomUUID()),
                "admin");
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        return receipt.body();
    }

    /** A supplier's purchase order for {@code sku} expected in ten days; answers its id. */
    String purchaseOrder(String sku, int quantity) {
        String id = "po-" + UUID.randomUUID();
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
                        LocalDate.now().plusDays(10).toString()),
                "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return id;
    }

    /** Goods in against a purchase order; answers the receipt (with its {@code allocations}). */
    JsonNode receiveAgainst(String purchaseOrderId, int units) {
        Response receipt = system.call(
                "POST",
                "/admin/v1/purchase-orders/" + purchaseOrderId + "/receipts",
                Map.of("quantity", units, "reference", "GRN-" + UUID.randomUUID()),
                "admin");
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        return receipt.body();
    }

    /** The supplier slips by 30 days: every backorder promised from it is told and asked to decide. */
    void slip(String purchaseOrderId) {
        Response slip = system.call(
                "PUT",
                "/admin/v1/purchase-orders/" + purchaseOrderId,
                Map.of(
                        "expectedDate",
                        LocalDate.now().plusDays(40).toString(),
                        "reason",
                        "the supplier's factory closed for a month"),
                "admin");
        assertThat(slip.status()).as(slip.body().toString()).isEqualTo(200);
    }

    /** Places an order and checks it was taken (201) as {@code kind}; answers the order id. */
    String place(String prefix, String sku, String plan, String paymentMethod, String kind) {
        String orderId = prefix + "-" + UUID.randomUUID();
        Response placed = system.call("POST", "/api/v1/orders", checkout(orderId, sku, plan, paymentMethod), "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("kind").asText()).isEqualTo(kind);
        return orderId;
    }

    /** The checkout request of one unit of {@code sku}; the same map again is the same request. */
    static Map<String, Object> checkout(String orderId, String sku, String plan, String paymentMethod) {
        return Map.of(
                "orderId",
                orderId,
                "customer",
                Map.of(
                        "id",
                        "c-" + orderId,
                        "name",
                        "Barbara Liskov",
                        "email",
                        orderId + "@example.com",
                        "channels",
                        List.of("EMAIL")),
                "sku",
                sku,
                "quantity",
                1,
                "paymentPlan",
                plan,
                "paymentMethod",
                paymentMethod);
    }

    /** The order as everyone sees it ({@code GET /api/v1/orders/{id}}). */
    JsonNode order(String orderId) {
        Response response = system.call("GET", "/api/v1/orders/" + orderId, null, "support");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** The order as support sees it ({@code GET /admin/v1/orders/{id}}), with its workflow and its records. */
    JsonNode adminOrder(String orderId) {
        Response response = system.call("GET", "/admin/v1/orders/" + orderId, null, "support");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /**
     * Releases a pre-order product and waits until the release charges its first order: the release's fan-out is
     * then under way, some orders told and charged, others not yet.
     */
    void releaseUntilFirstCharge(String sku, List<String> orderIds) {
        Response released = system.call("POST", "/admin/v1/products/" + sku + "/release", Map.of(), "admin");
        assertThat(released.status()).as(released.body().toString()).isEqualTo(202);
        RunningSystem.waitFor(
                "the release of " + sku + " to charge an order",
                Duration.ofSeconds(60),
                () -> orderIds.stream()
                        .anyMatch(id -> system.queryLong(
                                        "SELECT count(*) FROM payments WHERE order_id = ? AND purpose IN ('BALANCE', 'FULL')"
                                                + " AND status = 'SUCCEEDED' AND created_at > (SELECT released_at FROM products"
                                                + " WHERE sku = ?)",
                                        id,
                                        sku)
                                > 0));
    }

    /** How many of the orders have a successful charge made after their product's release. */
    long countChargedSinceRelease(String sku, List<String> orderIds) {
        return orderIds.stream()
                .filter(id -> system.queryLong(
                                "SELECT count(*) FROM payments WHERE order_id = ? AND kind = 'CHARGE'"
                                        + " AND status = 'SUCCEEDED' AND created_at > (SELECT released_at FROM products"
                                        + " WHERE sku = ?)",
                                id,
                                sku)
                        > 0)
                .count();
    }

    /** How many of the orders PostgreSQL shows in {@code status} (asks no workflow: the worker may be dead). */
    long countIn(String status, List<String> orderIds) {
        return orderIds.stream()
                .filter(id ->
                        system.queryLong("SELECT count(*) FROM orders WHERE order_id = ? AND status = ?", id, status)
                                == 1)
                .count();
    }

    String status(String orderId) {
        return order(orderId).path("status").asText();
    }

    void awaitStatus(String orderId, String status) {
        RunningSystem.waitFor(orderId + " to be " + status, STATUS_WAIT, () -> status.equals(status(orderId)));
    }

    /** Staff ship a READY_TO_SHIP order; waits until it is SHIPPED. */
    void ship(String orderId) {
        Response shipped = system.call(
                "POST",
                "/admin/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "UPS", "trackingNumber", "1Z-" + orderId),
                "support");
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(200);
        awaitStatus(orderId, "SHIPPED");
    }

    /**
     * Every email reached the customer at most once: each one its messages say were sent, and perhaps one that a
     * killed worker had handed to the mail server without recording it (its row says the outcome is unknown after an
     * interrupted send, and it is never sent again).
     */
    void assertEachEmailOnce(String orderId) {
        long sent = system.queryLong(
                "SELECT count(*) FROM notifications WHERE order_id = ? AND channel = 'EMAIL' AND status = 'SENT'",
                orderId);
        long unknown = system.queryLong(
                "SELECT count(*) FROM notifications WHERE order_id = ? AND channel = 'EMAIL' AND status = 'FAILED'"
                        + " AND detail LIKE 'outcome unknown after interrupted send%'",
                orderId);
        List<String> received = emailsTo(orderId);
        assertThat(received).as(orderId + " emails").doesNotHaveDuplicates();
        assertThat((long) received.size())
                .as(orderId + " emails against " + sent + " sent and " + unknown + " interrupted: " + received)
                .isBetween(sent, sent + unknown);
    }

    /** Subjects of the emails the order's customer received. */
    List<String> emailsTo(String orderId) {
        return messagesTo(orderId).stream().map(Shop::subject).toList();
    }

    /** The emails the order's customer received, in the order they came. */
    List<MimeMessage> messagesTo(String orderId) {
        return List.of(system.smtp.getReceivedMessages()).stream()
                .filter(message -> recipient(message).equals(orderId + "@example.com"))
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
