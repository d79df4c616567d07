package dev.waitwell.activities.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row one order has in the tables its activities write, read once: an order has dozens of them, so the record
 * is worked out in memory from one consistent read rather than by a query per field.
 */
record OrderRows(
        Order order,
        List<Event> events,
        List<Message> messages,
        List<Payment> payments,
        List<Long> allocationIds,
        Map<String, Change> promiseChanges,
        String rewardCode) {

    /**
     * The {@code orders} row with its product's name, its units, whether the warehouse was asked to ship and whether
     * the product is released (the release records it before it tells the orders).
     */
    record Order(
            String status,
            String sku,
            String productName,
            long unitPriceMinor,
            String currency,
            String paymentMethod,
            LocalDate promisedDate,
            Instant placedAt,
            int allocatedUnits,
            boolean fulfilmentRequested,
            boolean productReleased) {}

    /** An {@code order_events} row. */
    record Event(long id, String key, String type, String message, Instant at) {}

    /** A message the order asked for: a {@code notifications} row (one per key and channel) or a queued one. */
    record Message(String key, Instant createdAt) {}

    /** A {@code payments} row. */
    record Payment(
            long id,
            String key,
            String kind,
            String purpose,
            String status,
            long amountMinor,
            String failureReason,
            String failureMessage,
            Instant createdAt) {}

    /** A {@code promise_changes} row, by the change id its signal carries ({@code review/<review id>}). */
    record Change(LocalDate newDate, Instant newReleaseAt) {}

    /** Null when there is no such order. */
    static OrderRows read(JdbcClient jdbc, String orderId) {
        Order order = jdbc.sql("""
                        SELECT o.status, o.sku, p.name, o.unit_price_minor, o.currency, o.payment_method,
                               o.promised_date, o.placed_at, coalesce(s.allocated, 0) AS allocated,
                               EXISTS (SELECT 1 FROM fulfilment_requests f WHERE f.order_id = o.order_id) AS fulfilment,
                               p.released_at IS NOT NULL AS product_released
                          FROM orders o JOIN products p ON p.sku = o.sku
                          LEFT JOIN order_stock s ON s.order_id = o.order_id
                         WHERE o.order_id = :orderId""")
                .param("orderId", orderId)
                .query((rs, n) -> new Order(
                        rs.getString("status"),
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getLong("unit_price_minor"),
                        rs.getString("currency"),
                        rs.getString("payment_method"),
                        rs.getObject("promised_date", LocalDate.class),
                        instant(rs.getObject("placed_at", OffsetDateTime.class)),
                        rs.getInt("allocated"),
                        rs.getBoolean("fulfilment"),
                        rs.getBoolean("product_released")))
                .optional()
                .orElse(null);
        if (order == null) {
            return null;
        }
        return new OrderRows(
                order,
                events(jdbc, orderId),
                messages(jdbc, orderId),
                payments(jdbc, orderId),
                jdbc.sql("SELECT id FROM allocations WHERE order_id = :orderId ORDER BY id")
                        .param("orderId", orderId)
                        .query(Long.class)
                        .list(),
                changes(jdbc, orderId),
                jdbc.sql("""
                                SELECT code FROM reward_codes WHERE order_id = :orderId
                                 ORDER BY delay_number DESC LIMIT 1""")
                        .param("orderId", orderId)
                        .query(String.class)
                        .optional()
                        .orElse(null));
    }

    private static List<Event> events(JdbcClient jdbc, String orderId) {
        return jdbc.sql(
                        "SELECT id, event_key, type, message, at FROM order_events WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId)
                .query((rs, n) -> new Event(
                        rs.getLong("id"),
                        rs.getString("event_key"),
                        rs.getString("type"),
                        rs.getString("message"),
                        instant(rs.getObject("at", OffsetDateTime.class))))
                .list();
    }

    /**
     * The messages the order asked for: those sent or tried ({@code notifications}) and those it queued that the sender
     * has not settled yet, or gave up on ({@code message_outbox}): each counts as asked for, so a rebuilt run neither
     * asks for it again nor numbers the next one of its kind as if it had not been.
     */
    private static List<Message> messages(JdbcClient jdbc, String orderId) {
        return jdbc.sql("""
                        SELECT message_key, at FROM (
                            SELECT notification_key AS message_key, created_at AS at, 0 AS source, id FROM notifications
                             WHERE order_id = :orderId AND fallback_of IS NULL
                            UNION ALL
                            SELECT message_key, queued_at, 1, id FROM message_outbox WHERE order_id = :orderId
                        ) asked ORDER BY at, source, id""")
                .param("orderId", orderId)
                .query((rs, n) ->
                        new Message(rs.getString("message_key"), instant(rs.getObject("at", OffsetDateTime.class))))
                .list();
    }

    private static List<Payment> payments(JdbcClient jdbc, String orderId) {
        return jdbc.sql("""
                        SELECT id, idempotency_key, kind, purpose, status, amount_minor, failure_reason,
                               failure_message, created_at
                          FROM payments WHERE order_id = :orderId ORDER BY id""")
                .param("orderId", orderId)
                .query((rs, n) -> new Payment(
                        rs.getLong("id"),
                        rs.getString("idempotency_key"),
                        rs.getString("kind"),
                        rs.getString("purpose"),
                        rs.getString("status"),
                        rs.getLong("amount_minor"),
                        rs.getString("failure_reason"),
                        rs.getString("failure_message"),
                        instant(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }

    private static Map<String, Change> changes(JdbcClient jdbc, String orderId) {
        return jdbc
                .sql("SELECT review_id, new_date, new_release_at FROM promise_changes WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, n) -> Map.entry(
                        "review/" + rs.getString("review_id"),
                        new Change(
                                rs.getObject("new_date", LocalDate.class),
                                instant(rs.getObject("new_release_at", OffsetDateTime.class)))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The order's events of {@code type}, oldest first. */
    List<Event> eventsOf(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
