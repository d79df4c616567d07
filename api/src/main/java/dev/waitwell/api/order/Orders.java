package dev.waitwell.api.order;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.order.PaymentPlan;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables checkout writes: {@code orders}, {@code order_stock}, {@code order_events} and the product counter. */
@Component
class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CheckoutProduct> product(String sku) {
        return jdbc.sql("""
                SELECT sku, name, price_minor, currency, release_date, released_at, deposit_percent
                  FROM products WHERE sku = ?""")
                .param(sku)
                .query(CheckoutProduct.class)
                .optional();
    }

    Optional<StoredOrder> find(String orderId) {
        return jdbc.sql("""
                SELECT o.*, p.name AS product_name
                  FROM orders o JOIN products p ON p.sku = o.sku
                 WHERE o.order_id = ?""")
                .param(orderId)
                .query(Orders::stored)
                .optional();
    }

    boolean exists(String orderId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ?").param(orderId).query(Long.class).single() > 0;
    }

    /**
     * Takes {@code quantity} pre-order units if, as the row stands when locked, the product still takes
     * pre-orders on {@code today} (as {@link CheckoutProduct#takesPreordersOn}) and its cap allows them. The
     * decision and the reservation are one statement, so a release or a change committed since the product
     * was read is seen, and what the order promises is read from the same row version.
     *
     * @return the product as reserved, or empty when it is no pre-order any more or its cap does not allow it
     */
    Optional<CheckoutProduct> reservePreorder(String sku, int quantity, LocalDate today) {
        return jdbc.sql("""
                UPDATE products SET preordered = preordered + :quantity, updated_at = now()
                 WHERE sku = :sku
                   AND released_at IS NULL AND release_date > :today
                   AND (preorder_cap IS NULL OR preordered + :quantity <= preorder_cap)
                RETURNING sku, name, price_minor, currency, release_date, released_at, deposit_percent""")
                .param("sku", sku)
                .param("quantity", quantity)
                .param("today", today, java.sql.Types.DATE)
                .query(CheckoutProduct.class)
                .optional();
    }

    void insert(StoredOrder order) {
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, promised_date,
                                    customer_id, customer_name, customer_email, customer_phone, customer_channels,
                                    link_expires_at)
                VALUES (:orderId, :hash, :kind, :status, :sku, :quantity, :plan, :method, :currency, :unitPrice, :total,
                        :firstPayment, :promisedDate, :customerId, :customerName, :customerEmail, :customerPhone,
                        coalesce(string_to_array(:channels, ','), '{}'), :linkExpiresAt)""")
                .param("orderId", order.orderId())
                .param("hash", order.requestHash())
                .param("kind", order.kind())
                .param("status", order.status())
                .param("sku", order.sku())
                .param("quantity", order.quantity())
                .param("plan", order.paymentPlan().name())
                .param("method", order.paymentMethod())
                .param("currency", order.currency())
                .param("unitPrice", order.unitPrice())
                .param("total", order.total())
                .param("firstPayment", order.firstPayment())
                .param("promisedDate", order.promisedDate(), java.sql.Types.DATE)
                .param("customerId", order.customerId())
                .param("customerName", order.customerName(), java.sql.Types.VARCHAR)
                .param("customerEmail", order.customerEmail(), java.sql.Types.VARCHAR)
                .param("customerPhone", order.customerPhone(), java.sql.Types.VARCHAR)
                .param("channels", order.channels().isEmpty() ? null
                        : String.join(",", order.channels().stream().map(Channel::name).toList()), java.sql.Types.VARCHAR)
                .param("linkExpiresAt", Timestamp.from(order.linkExpiresAt()))
                .update();
        jdbc.sql("INSERT INTO order_stock (order_id, sku, quantity, state) VALUES (?, ?, ?, 'PREORDERED')")
                .params(order.orderId(), order.sku(), order.quantity())
                .update();
    }

    void recordEvent(String orderId, String eventKey, String type, String message) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, ?, ?)")
                .params(orderId, eventKey, type, message)
                .update();
    }

    private static StoredOrder stored(ResultSet rs, int row) throws SQLException {
        return new StoredOrder(
                rs.getString("order_id"),
                rs.getString("request_hash"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getString("sku"),
                rs.getString("product_name"),
                rs.getInt("quantity"),
                PaymentPlan.valueOf(rs.getString("payment_plan")),
                rs.getString("payment_method"),
                rs.getString("currency"),
                rs.getLong("unit_price_minor"),
                rs.getLong("total_minor"),
                rs.getLong("first_payment_minor"),
                rs.getObject("promised_date", LocalDate.class),
                rs.getString("customer_id"),
                rs.getString("customer_name"),
                rs.getString("customer_email"),
                rs.getString("customer_phone"),
                channels(rs.getArray("customer_channels")),
                rs.getTimestamp("link_expires_at").toInstant());
    }

    private static List<Channel> channels(Array array) throws SQLException {
        return array == null ? List.of()
                : Arrays.stream((String[]) array.getArray()).map(Channel::valueOf).toList();
    }
}
