package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code payments} table. Inserts are keyed and skip silently when the key exists (a retry). */
@Component
class Payments {

    private static final String COLUMNS = """
            id, order_id, idempotency_key, kind, purpose, status, amount_minor, currency, gateway_reference,
            failure_reason, failure_message, action_url""";

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PaymentRow> findByKey(String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(Payments::row)
                .optional();
    }

    /** The charge the processor knows by {@code reference} (a PaymentIntent id), if it is ours. */
    Optional<PaymentRow> findChargeByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payments WHERE gateway_reference = :reference AND kind = 'CHARGE'
                        ORDER BY id LIMIT 1""")
                .param("reference", reference)
                .query(Payments::row)
                .optional();
    }

    /** Whether a refund with this processor reference is recorded. */
    boolean refundRecorded(String reference) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE gateway_reference = :reference AND kind = 'REFUND'")
                        .param("reference", reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A successful charge and what of it has not been refunded yet. */
    record Refundable(PaymentRow charge, Money remaining) {}

    /**
     * Successful charges of the order with something left to refund, oldest first ({@code latestFirst}:
     * newest first).
     */
    List<Refundable> refundableCharges(String orderId, boolean latestFirst) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                        , c.amount_minor - coalesce((SELECT sum(r.amount_minor) FROM payments r
                                                      WHERE r.refund_of = c.id AND r.kind = 'REFUND'
                                                        AND r.status = 'SUCCEEDED'), 0) AS remaining_minor
                         FROM payments c
                        WHERE c.order_id = :orderId AND c.kind = 'CHARGE' AND c.status = 'SUCCEEDED'
                        ORDER BY c.id""" + (latestFirst ? " DESC" : ""))
                .param("orderId", orderId)
                .query((rs, n) ->
                        new Refundable(row(rs, n), Money.of(rs.getLong("remaining_minor"), rs.getString("currency"))))
                .list()
                .stream()
                .filter(refundable -> refundable.remaining().isPositive())
                .toList();
    }

    /** Refunds recorded under keys that start with {@code keyPrefix}. */
    List<PaymentRow> refundsByKeyPrefix(String orderId, String keyPrefix) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payments
                        WHERE order_id = :orderId AND kind = 'REFUND' AND starts_with(idempotency_key, :prefix)
                        ORDER BY id""")
                .param("orderId", orderId)
                .param("prefix", keyPrefix)
                .query(Payments::row)
                .list();
    }

    /** @return true when this call inserted the row */
    boolean insertCharge(ChargeRequest request, GatewayCharge outcome) {
        return jdbc.sql("""
                        INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                              payment_method, gateway_reference, failure_reason, failure_message,
                                              action_url)
                        VALUES (:orderId, :key, 'CHARGE', :purpose, :status, :amount, :currency,
                                :method, :reference, :failure, :message, :actionUrl)
                        ON CONFLICT DO NOTHING""")
                        .param("orderId", request.orderId())
                        .param("key", request.idempotencyKey())
                        .param("purpose", request.purpose().name())
                        .param("status", outcome.status().name())
                        .param("amount", request.amount().amountMinor())
                        .param("currency", request.amount().currency())
                        .param("method", request.paymentMethod())
                        .param("reference", outcome.reference())
                        .param("failure", outcome.failureCode())
                        .param("message", outcome.failureMessage())
                        .param("actionUrl", outcome.actionUrl())
                        .update()
                == 1;
    }

    /**
     * Records how a charge that waited on the customer stands now. Only a waiting row changes, so of two concurrent
     * checks that find it paid, one books it.
     *
     * @return true when this call changed the waiting row
     */
    boolean settle(PaymentRow waiting, GatewayCharge outcome) {
        return jdbc.sql("""
                        UPDATE payments
                           SET status = :status, failure_reason = :failure, failure_message = :message,
                               action_url = :actionUrl,
                               gateway_reference = coalesce(:reference, gateway_reference), updated_at = now()
                         WHERE id = :id AND status = 'REQUIRES_ACTION'""")
                        .param("status", outcome.status().name())
                        .param("failure", outcome.failureCode())
                        .param("message", outcome.failureMessage())
                        .param("actionUrl", outcome.actionUrl())
                        .param("reference", outcome.reference())
                        .param("id", waiting.id())
                        .update()
                == 1;
    }

    /**
     * @param recordedBy who reported a refund Waitwell did not record when it was made ({@code stripe:<event id>});
     *     null for Waitwell's own
     * @return true when this call inserted the row
     */
    boolean insertRefund(PaymentRow charge, String refundKey, Money amount, String reference, String recordedBy) {
        return jdbc.sql("""
                        INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                              gateway_reference, refund_of, recorded_by)
                        VALUES (:orderId, :key, 'REFUND', :purpose, 'SUCCEEDED', :amount, :currency,
                                :reference, :refundOf, :recordedBy)
                        ON CONFLICT DO NOTHING""")
                        .param("orderId", charge.orderId())
                        .param("key", refundKey)
                        .param("purpose", charge.purpose())
                        .param("amount", amount.amountMinor())
                        .param("currency", amount.currency())
                        .param("reference", reference)
                        .param("refundOf", charge.id())
                        .param("recordedBy", recordedBy)
                        .update()
                == 1;
    }

    private static PaymentRow row(ResultSet rs, int rowNum) throws SQLException {
        return new PaymentRow(
                rs.getLong("id"),
                rs.getString("order_id"),
                rs.getString("idempotency_key"),
                rs.getString("kind"),
                rs.getString("purpose"),
                rs.getString("status"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("gateway_reference"),
                rs.getString("failure_reason"),
                rs.getString("failure_message"),
                rs.getString("action_url"));
    }
}
