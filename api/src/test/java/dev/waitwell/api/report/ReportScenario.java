package dev.waitwell.api.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows written straight to PostgreSQL, as the activities would have left them. */
record ReportScenario(JdbcClient jdbc, TransactionTemplate transaction) {

    boolean exists(String sku) {
        return jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void product(String sku, int onHand, int backordered, int preordered) {
        jdbc.sql("""
                INSERT INTO products (sku, name, price_minor, currency, on_hand, backordered, preordered)
                VALUES (?, 'Report item', 1000, 'EUR', ?, ?, ?)""").params(sku, onHand, backordered, preordered).update();
    }

    void order(
            String orderId,
            String sku,
            String kind,
            String status,
            int quantity,
            Instant placedAt,
            LocalDate promised,
            String cancellationReason) {
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, promised_date,
                                    customer_id, link_expires_at, placed_at, cancellation_reason)
                VALUES (?, 'h', ?, ?, ?, ?, 'FULL', 'pm_card_visa', 'EUR', 1000, ?, ?, ?, 'c-report', now(), ?, ?)""")
                .params(
                        orderId,
                        kind,
                        status,
                        sku,
                        quantity,
                        quantity * 1000L,
                        quantity * 1000L,
                        promised,
                        Timestamp.from(placedAt),
                        cancellationReason)
                .update();
    }

    void event(String orderId, String type, Instant at) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, at, type, message) VALUES (?, ?, ?, ?, 'test')")
                .params(orderId, type + "-" + at, Timestamp.from(at), type)
                .update();
    }

    void receipt(String sku, String reference, int quantity, String purchaseOrderId, Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO stock_receipts (sku, reference, quantity, purchase_order_id, received_by, received_at)
                VALUES (?, ?, ?, ?, 'admin', ?)""")
                .params(sku, reference, quantity, purchaseOrderId, Timestamp.from(receivedAt))
                .update();
    }

    void promiseChange(String reviewId, String sku, String orderId, LocalDate previous, LocalDate next, String reason) {
        jdbc.sql("INSERT INTO promise_reviews (review_id, sku, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(reviewId, sku, reason)
                .update();
        jdbc.sql("""
                INSERT INTO promise_changes (review_id, order_id, previous_date, new_date, reason)
                VALUES (?, ?, ?, ?, ?)""").params(reviewId, orderId, previous, next, reason).update();
    }

    void chargeAndRefund(String orderId, long charged, long refunded) {
        long charge = jdbc.sql("""
                INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency)
                VALUES (?, ?, 'CHARGE', 'FULL', 'SUCCEEDED', ?, 'EUR') RETURNING id""")
                .params(orderId, orderId + "-charge", charged)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                      refund_of)
                VALUES (?, ?, 'REFUND', 'CANCELLATION', 'SUCCEEDED', ?, 'EUR', ?)""").params(orderId, orderId + "-refund", refunded, charge).update();
    }

    /** A balanced posting: {@code amount} from {@code debit} to {@code credit}. */
    void post(String orderId, String key, String kind, String debit, long amount, String credit) {
        transaction.executeWithoutResult(status -> {
            long id = jdbc.sql("INSERT INTO ledger_transactions (order_id, posting_key, kind, currency, memo) "
                            + "VALUES (?, ?, ?, 'EUR', 'test') RETURNING id")
                    .params(orderId, key, kind)
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, debit_minor) VALUES (?, ?, ?)")
                    .params(id, debit, amount)
                    .update();
            jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, credit_minor) VALUES (?, ?, ?)")
                    .params(id, credit, amount)
                    .update();
        });
    }

    void purchaseOrder(String id, String sku, int quantity, int received, Instant createdAt, LocalDate expected) {
        jdbc.sql("""
                INSERT INTO purchase_orders (id, supplier, sku, quantity, received, expected_date, created_at)
                VALUES (?, 'Supplier', ?, ?, ?, ?, ?)""")
                .params(id, sku, quantity, received, expected, Timestamp.from(createdAt))
                .update();
    }
}
