package dev.waitwell.api.payment;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an order's payments. */
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
                 WHERE order_id = ? AND status = 'SUCCEEDED'""")
                .param(orderId)
                .query(PaymentTotals.class)
                .single();
    }

    public List<PaymentRecord> of(String orderId) {
        return jdbc.sql("""
                SELECT created_at AS at, kind, purpose, status, amount_minor AS amount, currency, payment_method,
                       gateway_reference, failure_reason
                  FROM payments
                 WHERE order_id = ?
                 ORDER BY created_at, id""")
                .param(orderId)
                .query(PaymentRecord.class)
                .list();
    }
}
