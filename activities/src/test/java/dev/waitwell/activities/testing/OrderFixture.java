package dev.waitwell.activities.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the API writes at checkout (a product, an order with its {@code order_stock} reservation and the
 * product's counters), inserted with plain SQL so activity tests start where production does. Ids are
 * unique per call.
 */
public final class OrderFixture {

    private final JdbcClient jdbc;

    public OrderFixture(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A pre-order product priced 100.00 USD, released on {@code releaseDate} (null: no date yet). */
    public String product(LocalDate releaseDate) {
        String sku = newSku();
        jdbc.sql("""
                        INSERT INTO products (sku, name, price_minor, currency, release_date, deposit_percent)
                        VALUES (:sku, 'Camera X', 10000, 'USD', :releaseDate, 20)""").param("sku", sku).param("releaseDate", releaseDate).update();
        return sku;
    }

    /**
     * A product on sale now, priced 100.00 USD, whose stock Waitwell tracks, with {@code onHand} free units
     * (recorded as an opening receipt, so received units add up) and backorders allowed for 30 days.
     */
    public String stockedProduct(int onHand) {
        String sku = newSku();
        jdbc.sql("""
                        INSERT INTO products (sku, name, price_minor, currency, on_hand, stock_tracked,
                                              backorders_allowed, backorder_max_wait_days)
                        VALUES (:sku, 'Lens Y', 10000, 'USD', :onHand, true, true, 30)""").param("sku", sku).param("onHand", onHand).update();
        if (onHand > 0) {
            jdbc.sql("""
                            INSERT INTO stock_receipts (sku, reference, quantity, received_by)
                            VALUES (:sku, 'opening-stock', :onHand, 'fixture')""").param("sku", sku).param("onHand", onHand).update();
        }
        return sku;
    }

    /** An open purchase order of {@code quantity} units due in two weeks; the product's stock becomes tracked. */
    public String purchaseOrder(String sku, int quantity) {
        String id = "PO-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO purchase_orders (id, supplier, sku, quantity, expected_date)
                        VALUES (:id, 'Acme Optics', :sku, :quantity, current_date + 14)""")
                .param("id", id)
                .param("sku", sku)
                .param("quantity", quantity)
                .update();
        jdbc.sql("UPDATE products SET stock_tracked = true WHERE sku = :sku")
                .param("sku", sku)
                .update();
        return id;
    }

    /** A pre-order of {@code quantity} units, reserved as checkout does (order_stock + products.preordered). */
    public String preorder(String sku, int quantity) {
        String orderId = order("PREORDER", "AWAITING_RELEASE", "DEPOSIT", sku, quantity, 0, null);
        stock(orderId, sku, quantity, "PREORDERED", 0);
        counters(sku, "preordered = preordered + :q", quantity);
        return orderId;
    }

    /** A product and one pre-order of one unit on it. */
    public String preorder() {
        return preorder(product(LocalDate.now().plusDays(30)), 1);
    }

    /** A backorder of {@code quantity} units waiting in the queue with nothing allocated, placed now. */
    public String backorder(String sku, int quantity) {
        return backorder(sku, quantity, 0, null);
    }

    /**
     * A backorder waiting in the queue with nothing allocated (order_stock WAITING, products.backordered),
     * with a queue {@code priority} and a placement moment ({@code placedAt} null: now).
     */
    public String backorder(String sku, int quantity, int priority, Instant placedAt) {
        String orderId = order("BACKORDER", "AWAITING_STOCK", "FULL", sku, quantity, priority, placedAt);
        stock(orderId, sku, quantity, "WAITING", 0);
        counters(sku, "backordered = backordered + :q", quantity);
        return orderId;
    }

    /** An order served from stock on hand at checkout: allocated at once (on_hand -> allocated). */
    public String inStockOrder(String sku, int quantity) {
        String orderId = order("IN_STOCK", "READY_TO_SHIP", "FULL", sku, quantity, 0, null);
        stock(orderId, sku, quantity, "ALLOCATED", quantity);
        counters(sku, "on_hand = on_hand - :q, allocated = allocated + :q", quantity);
        return orderId;
    }

    private String order(
            String kind, String status, String plan, String sku, int quantity, int priority, Instant placedAt) {
        String orderId = "o-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan,
                                            payment_method, currency, unit_price_minor, total_minor,
                                            first_payment_minor, customer_id, customer_email, link_expires_at,
                                            priority, placed_at)
                        VALUES (:orderId, 'hash', :kind, :status, :sku, :quantity, :plan,
                                'pm_card_visa', 'USD', 10000, 10000 * :quantity,
                                CASE :plan WHEN 'DEPOSIT' THEN 2000 ELSE 10000 END * :quantity,
                                'c-1', 'a@b.c', now() + interval '180 days', :priority, :placedAt)""")
                .param("orderId", orderId)
                .param("kind", kind)
                .param("status", status)
                .param("sku", sku)
                .param("quantity", quantity)
                .param("plan", plan)
                .param("priority", priority)
                .param(
                        "placedAt",
                        OffsetDateTime.ofInstant(placedAt == null ? Instant.now() : placedAt, ZoneOffset.UTC))
                .update();
        return orderId;
    }

    private void stock(String orderId, String sku, int quantity, String state, int allocated) {
        jdbc.sql("""
                        INSERT INTO order_stock (order_id, sku, quantity, state, allocated)
                        VALUES (:orderId, :sku, :quantity, :state, :allocated)""")
                .param("orderId", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .param("state", state)
                .param("allocated", allocated)
                .update();
    }

    private void counters(String sku, String set, int quantity) {
        jdbc.sql("UPDATE products SET " + set + " WHERE sku = :sku")
                .param("q", quantity)
                .param("sku", sku)
                .update();
    }

    private static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
