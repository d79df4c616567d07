package dev.waitwell.api.survey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders and surveys written straight to PostgreSQL, as the worker's activities would have left them. */
public record ShippedOrders(JdbcClient jdbc, String sku) {

    public static final String PHONE = "+15550002222";

    /** A new product of its own, so that a test's figures are its own. */
    public static ShippedOrders of(JdbcClient jdbc) {
        String sku = "SURVEY-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO products (sku, name, price_minor, currency, on_hand, backordered, preordered)
                VALUES (?, 'Survey kettle', 1000, 'EUR', 10, 0, 0)""").param(sku).update();
        return new ShippedOrders(jdbc, sku);
    }

    /** An order of kind {@code kind} placed {@code placedAgo} ago, now in {@code status}; reaching it by email and SMS. */
    public String order(String kind, String status, Duration placedAgo, String phone) {
        String orderId = "o-survey-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, customer_id,
                                    customer_name, customer_email, customer_phone, customer_channels,
                                    link_expires_at, placed_at)
                VALUES (?, 'h', ?, ?, ?, 1, 'FULL', 'pm_card_visa', 'EUR', 1000, 1000, 1000, 'c-survey', 'Ada',
                        'ada@example.com', ?, '{EMAIL,SMS}', now() + interval '1 day', ?)""")
                .params(
                        orderId,
                        kind,
                        status,
                        sku,
                        phone,
                        Timestamp.from(Instant.now().minus(placedAgo)))
                .update();
        return orderId;
    }

    /** An IN_STOCK order that shipped {@code ago} ago. */
    public String shipped(Duration ago) {
        String orderId = order("IN_STOCK", "SHIPPED", ago.plusDays(1), PHONE);
        event(orderId, "STATUS_SHIPPED", Instant.now().minus(ago));
        return orderId;
    }

    public void event(String orderId, String type, Instant at) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, at, type, message) VALUES (?, ?, ?, ?, 'test')")
                .params(orderId, type + "-" + at, Timestamp.from(at), type)
                .update();
    }

    /** The order's survey was sent. */
    public void surveyed(String orderId) {
        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?)").param(orderId).update();
    }

    /** The order's survey was sent and answered {@code score} (the answer that counts). */
    public void answered(String orderId, int score) {
        jdbc.sql("""
                INSERT INTO surveys (order_id, score, answered_at, answered_via) VALUES (?, ?, now(), 'SMS')""").params(orderId, score).update();
    }
}
