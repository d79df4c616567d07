package dev.waitwell.api.payment;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an order's payments, refunds and disputes. */
@Component
public class OrderPayments {

    private final JdbcClient jdbc;

    OrderPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PaymentTotals totals(String orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minor) FILTER (WHERE kind = 'CHARGE'), 0) AS paid,
                       coalesce(sum(amount_minor) FILTER (WHERE kind = 'REFUND'), 0) AS refunded
                  FROM payments
                 WHERE order_id = ? AND status = 'SUCCEEDED'""").param(orderId).query(PaymentTotals.class).single();
    }

    public List<PaymentRecord> of(String orderId) {
        return jdbc.sql("""
                SELECT created_at AS at, kind, purpose, status, amount_minor AS amount, currency, payment_method,
                       gateway_reference, failure_reason
                  FROM payments
                 WHERE order_id = ?
                 ORDER BY created_at, id""").param(orderId).query(PaymentRecord.class).list();
    }

    /**
     * The order's refunds, oldest first. The payments table keeps the refunded charge's purpose but not why; the
     * refund's ledger posting ({@code posting_key} = the refund's idempotency key) has it in its memo, written as
     * {@code refund of <amount> of <charge key>: <reason>}.
     */
    public List<RefundRecord> refundsOf(String orderId) {
        return jdbc.sql("""
                SELECT r.created_at AS at, r.amount_minor AS amount, r.currency, r.purpose,
                       substring(t.memo from '^refund of [^:]*: (.*)$') AS reason, r.status, r.gateway_reference,
                       c.idempotency_key AS charge, c.gateway_reference AS charge_gateway_reference
                  FROM payments r
                  JOIN payments c ON c.id = r.refund_of
                  LEFT JOIN ledger_transactions t ON t.posting_key = r.idempotency_key AND t.kind = 'REFUND'
                 WHERE r.order_id = ? AND r.kind = 'REFUND'
                 ORDER BY r.created_at, r.id""").param(orderId).query(RefundRecord.class).list();
    }

    /** The disputes of the order's charges, oldest first. */
    public List<DisputeRecord> disputesOf(String orderId) {
        return jdbc.sql("""
                SELECT opened_at, dispute_id, charge_reference, amount_minor AS amount, currency, reason, status
                  FROM order_disputes
                 WHERE order_id = ?
                 ORDER BY opened_at, dispute_id""").param(orderId).query(DisputeRecord.class).list();
    }
}
