package dev.waitwell.api;

import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the worker's order, payment and inventory activities write to PostgreSQL, done for the orders a test names
 * ({@link TestTemporal.Activities#writeToDatabase}): the timeline and statuses, charge and refund rows with their
 * ledger postings (in the activities' formats: keys, purposes, memos), and the units a cancelled order gives back.
 * Other orders keep the mocks' silence, so tests that count their rows are not disturbed.
 */
final class WorkerWrites {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Set<String> orderIds = ConcurrentHashMap.newKeySet();

    WorkerWrites(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void add(String orderId) {
        orderIds.add(orderId);
    }

    void clear() {
        orderIds.clear();
    }

    boolean covers(String orderId) {
        return orderIds.contains(orderId);
    }

    void event(OrderEvent event) {
        if (covers(event.orderId())) {
            append(event.orderId(), event.eventKey(), event.type(), event.message());
        }
    }

    void status(StatusChange change) {
        if (covers(change.orderId())
                && append(change.orderId(), change.eventKey(), "STATUS_" + change.status(), change.message())) {
            jdbc.sql("UPDATE orders SET status = ? WHERE order_id = ?")
                    .params(change.status().name(), change.orderId())
                    .update();
        }
    }

    void charge(ChargeRequest request, String reference) {
        if (!covers(request.orderId())) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                          payment_method, gateway_reference)
                    VALUES (?, ?, 'CHARGE', ?, 'SUCCEEDED', ?, ?, ?, ?)""")
                    .params(
                            request.orderId(),
                            request.idempotencyKey(),
                            request.purpose().name(),
                            request.amount().amountMinor(),
                            request.amount().currency(),
                            request.paymentMethod(),
                            reference)
                    .update();
            post(
                    request.orderId(),
                    request.idempotencyKey(),
                    "PAYMENT",
                    request.amount(),
                    "cash",
                    "customerDeposits",
                    request.purpose() + " payment of order " + request.orderId());
        });
    }

    /** Each successful charge refunded in full, as the payment activity's refundAll does. @return the total */
    long refundAll(RefundRequest request) {
        return transaction.execute(status -> {
            List<Object[]> charges = jdbc.sql("""
                    SELECT id, idempotency_key, purpose, amount_minor FROM payments
                     WHERE order_id = ? AND kind = 'CHARGE' AND status = 'SUCCEEDED'
                       AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.refund_of = payments.id) ORDER BY id""")
                    .param(request.orderId())
                    .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
                    .list();
            long total = 0;
            for (Object[] charge : charges) {
                String key = charge[1] + "/refund";
                Money amount = Money.of((long) charge[3], request.currency());
                jdbc.sql("""
                        INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor,
                                              currency, gateway_reference, refund_of)
                        VALUES (?, ?, 'REFUND', ?, 'SUCCEEDED', ?, ?, ?, ?)""")
                        .params(
                                request.orderId(),
                                key,
                                charge[2],
                                amount.amountMinor(),
                                amount.currency(),
                                "re_" + key,
                                charge[0])
                        .update();
                post(
                        request.orderId(),
                        key,
                        "REFUND",
                        amount,
                        "customerDeposits",
                        "cash",
                        "refund of " + amount.display() + " of " + charge[1] + ": " + request.reason());
                total += amount.amountMinor();
            }
            return total;
        });
    }

    /** The order leaves the queue; what it held goes back on hand (no reallocation here). @return those units */
    int releaseUnits(StockRequest request) {
        return transaction.execute(status -> {
            Object[] held = jdbc.sql("SELECT sku, state, quantity, allocated FROM order_stock WHERE order_id = ?")
                    .param(request.orderId())
                    .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)})
                    .single();
            if (!"WAITING".equals(held[1])) {
                return 0;
            }
            int allocated = (int) held[3];
            jdbc.sql("UPDATE order_stock SET state = 'RETURNED', allocated = 0, returned = ? WHERE order_id = ?")
                    .params(allocated, request.orderId())
                    .update();
            jdbc.sql("""
                    UPDATE products SET backordered = backordered - (? - ?), allocated = allocated - ?,
                                        on_hand = on_hand + ? WHERE sku = ?""")
                    .params(held[2], allocated, allocated, allocated, held[0])
                    .update();
            return allocated;
        });
    }

    private boolean append(String orderId, String eventKey, String type, String message) {
        return jdbc.sql("""
                INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_id, event_key) DO NOTHING""").params(orderId, eventKey, type, message).update() == 1;
    }

    private void post(String orderId, String key, String kind, Money amount, String debit, String credit, String memo) {
        long id = jdbc.sql("""
                INSERT INTO ledger_transactions (order_id, posting_key, kind, currency, memo) VALUES (?, ?, ?, ?, ?)
                RETURNING id""")
                .params(orderId, key, kind, amount.currency(), memo)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, debit_minor) VALUES (?, ?, ?)")
                .params(id, debit, amount.amountMinor())
                .update();
        jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, credit_minor) VALUES (?, ?, ?)")
                .params(id, credit, amount.amountMinor())
                .update();
    }
}
