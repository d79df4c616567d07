package dev.waitwell.api.order;

import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.order.PaymentPlan;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The order tables checkout writes and reads: {@code orders}, {@code order_stock}, {@code order_events}. */
@Component
public class Orders {

    private final JdbcClient jdbc;
    private final WaitwellProperties properties;

    Orders(JdbcClient jdbc, WaitwellProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public Optional<StoredOrder> find(String orderId) {
        return jdbc.sql("""
                SELECT o.*, p.name AS product_name, p.backorder_max_wait_days, coalesce(s.allocated, 0) AS allocated_units,
                       coalesce(s.allocated, 0) - (SELECT coalesce(sum(a.quantity), 0) FROM allocations a
                                                    WHERE a.order_id = o.order_id) AS allocated_before_queue
                  FROM orders o JOIN products p ON p.sku = o.sku
                  LEFT JOIN order_stock s ON s.order_id = o.order_id
                 WHERE o.order_id = ?""").param(orderId).query(this::stored).optional();
    }

    public boolean exists(String orderId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Inserts the order and its units in {@code stockState}, holding {@link StoredOrder#allocatedUnits()}. */
    public void insert(StoredOrder order, String stockState) {
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, promised_date,
                                    customer_id, customer_name, customer_email, customer_phone, customer_channels,
                                    customer_locale, link_expires_at)
                VALUES (:orderId, :hash, :kind, :status, :sku, :quantity, :plan, :method, :currency, :unitPrice, :total,
                        :firstPayment, :promisedDate, :customerId, :customerName, :customerEmail, :customerPhone,
                        coalesce(string_to_array(:channels, ','), '{}'), :customerLocale, :linkExpiresAt)""")
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
                .param("customerLocale", order.customerLocale(), java.sql.Types.VARCHAR)
                .param(
                        "channels",
                        order.channels().isEmpty()
                                ? null
                                : String.join(
                                        ",",
                                        order.channels().stream()
                                                .map(Channel::name)
                                                .toList()),
                        java.sql.Types.VARCHAR)
                .param("linkExpiresAt", Timestamp.from(order.linkExpiresAt()))
                .update();
        jdbc.sql("INSERT INTO order_stock (order_id, sku, quantity, allocated, state) VALUES (?, ?, ?, ?, ?)")
                .params(order.orderId(), order.sku(), order.quantity(), order.allocatedUnits(), stockState)
                .update();
    }

    /** The order's workflow was started (or found running): the recovery sweep leaves it alone. */
    public void markWorkflowStarted(String orderId) {
        jdbc.sql("UPDATE orders SET workflow_started_at = now() WHERE order_id = ? AND workflow_started_at IS NULL")
                .param(orderId)
                .update();
    }

    /** The JSON of the order's kept checkout input, if one is kept. */
    Optional<String> checkoutInput(String orderId) {
        return jdbc.sql("SELECT workflow_input::text FROM orders WHERE order_id = ? AND workflow_input IS NOT NULL")
                .param(orderId)
                .query(String.class)
                .optional();
    }

    /**
     * Keeps the input the order's workflow is started with, unless one is kept already: the first is the checkout
     * input a rebuild starts from, and a later start must not replace it.
     */
    void keepCheckoutInput(String orderId, String json) {
        jdbc.sql("UPDATE orders SET workflow_input = ?::jsonb WHERE order_id = ? AND workflow_input IS NULL")
                .params(json, orderId)
                .update();
    }

    /**
     * Open orders placed before {@code placedBefore} without a kept checkout input (placed before the API kept
     * them), after {@code after}, oldest first.
     */
    List<Placed> withoutCheckoutInput(Instant placedBefore, Cursor after, int limit) {
        return jdbc.sql("""
                SELECT order_id, placed_at FROM orders
                 WHERE workflow_input IS NULL AND placed_at < ? AND status NOT IN ('SHIPPED', 'CANCELLED')
                   AND (placed_at, order_id) > (?, ?)
                 ORDER BY placed_at, order_id LIMIT ?""")
                .params(Timestamp.from(placedBefore), Timestamp.from(after.placedAt()), after.orderId(), limit)
                .query((rs, row) -> new Placed(
                        rs.getString("order_id"), rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    /** A place in a list of orders by placement: placement, then id. */
    record Cursor(Instant placedAt, String orderId) {
        static final Cursor START = new Cursor(Instant.EPOCH, "");
    }

    /** An order in a list by placement (unstarted, or without a checkout input), and its place there. */
    record Placed(String orderId, Instant placedAt) {
        Cursor cursor() {
            return new Cursor(placedAt, orderId);
        }
    }

    /**
     * Open orders placed before {@code placedBefore} whose workflow start was never seen, after {@code after},
     * oldest first (the partial index {@code orders_without_workflow} holds just them).
     */
    List<Placed> withoutWorkflow(Instant placedBefore, Cursor after, int limit) {
        return jdbc.sql("""
                SELECT order_id, placed_at FROM orders
                 WHERE workflow_started_at IS NULL AND placed_at < ? AND status NOT IN ('SHIPPED', 'CANCELLED')
                   AND (placed_at, order_id) > (?, ?)
                 ORDER BY placed_at, order_id LIMIT ?""")
                .params(Timestamp.from(placedBefore), Timestamp.from(after.placedAt()), after.orderId(), limit)
                .query((rs, row) -> new Placed(
                        rs.getString("order_id"), rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    /** Sets the order's queue priority; its previous one, or empty when there is no such order. */
    Optional<Integer> changePriority(String orderId, int priority) {
        // NO KEY UPDATE: the priority is no key, so the order's timeline, payments and allocations (whose foreign
        // keys lock the order row FOR KEY SHARE) are not held up while the priority changes.
        Optional<Integer> previous = jdbc.sql("SELECT priority FROM orders WHERE order_id = ? FOR NO KEY UPDATE")
                .param(orderId)
                .query(Integer.class)
                .optional();
        previous.ifPresent(ignored -> jdbc.sql("UPDATE orders SET priority = ?, updated_at = now() WHERE order_id = ?")
                .params(priority, orderId)
                .update());
        return previous;
    }

    public void recordEvent(String orderId, String eventKey, String type, String message) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, ?, ?)")
                .params(orderId, eventKey, type, message)
                .update();
    }

    private StoredOrder stored(ResultSet rs, int row) throws SQLException {
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
                rs.getString("customer_locale"),
                rs.getTimestamp("link_expires_at").toInstant(),
                rs.getInt("priority"),
                rs.getInt("allocated_units"),
                allocatedAtCheckout(rs),
                latestAcceptableDate(rs),
                rs.getTimestamp("workflow_started_at") != null);
    }

    /**
     * As checkout decided it: placement plus the product's maximum wait for a backorder, the release date plus
     * the maximum slip for a pre-order. Needed again only when the order's workflow is started after checkout.
     */
    private LocalDate latestAcceptableDate(ResultSet rs) throws SQLException {
        LocalDate promised = rs.getObject("promised_date", LocalDate.class);
        Integer maxWait = (Integer) rs.getObject("backorder_max_wait_days");
        return switch (rs.getString("kind")) {
            case "PREORDER" -> latestAcceptableForPreorder(promised);
            case "BACKORDER" ->
                maxWait == null
                        ? null
                        : rs.getTimestamp("placed_at")
                                .toInstant()
                                .atZone(properties.zone())
                                .toLocalDate()
                                .plusDays(maxWait);
            default -> null;
        };
    }

    /** A pre-order promised for {@code promised} accepts slips up to the policy's maximum. */
    LocalDate latestAcceptableForPreorder(LocalDate promised) {
        return promised == null
                ? null
                : promised.plusDays(properties.policy().preorderMaxSlip().toDays());
    }

    /**
     * Units an order took from stock at checkout: what it holds minus what allocations brought it since (none
     * for a returned order). Kept out of the schema because the two tables already say it.
     */
    private static int allocatedAtCheckout(ResultSet rs) throws SQLException {
        if ("PREORDER".equals(rs.getString("kind"))) {
            return 0;
        }
        return Math.max(0, Math.min(rs.getInt("quantity"), rs.getInt("allocated_before_queue")));
    }

    private static List<Channel> channels(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((String[]) array.getArray())
                        .map(Channel::valueOf)
                        .toList();
    }
}
