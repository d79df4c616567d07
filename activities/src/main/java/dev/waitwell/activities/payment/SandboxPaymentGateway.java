package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A card processor simulated in PostgreSQL ({@code sandbox_transactions}), with the test cards seeded in
 * {@code payment_methods}. It commits on its own, as a remote processor would, independent of the caller's
 * transaction. Its keys never expire and no bank ever asks the customer to authenticate.
 */
class SandboxPaymentGateway implements PaymentGateway {

    private final JdbcClient jdbc;

    SandboxPaymentGateway(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten) {
        String idempotencyKey = request.idempotencyKey();
        String paymentMethod = request.paymentMethod();
        Money amount = request.amount();
        boolean declines = declines(paymentMethod).orElseThrow(() -> new UnknownPaymentMethodException(paymentMethod));
        jdbc.sql("""
                        INSERT INTO sandbox_transactions
                            (id, idempotency_key, kind, payment_method, amount_minor, currency, status, decline_code)
                        VALUES (:id, :key, 'CHARGE', :method, :amount, :currency, :status, :declineCode)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", "ch_" + UUID.randomUUID())
                .param("key", idempotencyKey)
                .param("method", paymentMethod)
                .param("amount", amount.amountMinor())
                .param("currency", amount.currency())
                .param("status", declines ? "DECLINED" : "SUCCEEDED")
                .param("declineCode", declines ? "card_declined" : null)
                .update();
        // Whatever this call inserted or not, the first outcome under the key is the answer.
        return jdbc.sql("SELECT id, status, decline_code FROM sandbox_transactions WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> "SUCCEEDED".equals(rs.getString("status"))
                        ? GatewayCharge.succeeded(rs.getString("id"))
                        : GatewayCharge.declined(rs.getString("id"), rs.getString("decline_code")))
                .single();
    }

    @Override
    public GatewayCharge recheck(String reference) {
        throw new IllegalStateException("the sandbox never waits on a customer's bank: " + reference);
    }

    @Override
    public GatewayCharge cancelWaiting(String chargeKey, String reference) {
        throw new IllegalStateException("the sandbox never waits on a customer's bank: " + chargeKey);
    }

    /** Nothing to save: the sandbox charges every known method at any time. */
    @Override
    public SavedMethod save(SaveMethodRequest request) {
        return declines(request.paymentMethod()).isPresent()
                ? new SavedMethod(request.paymentMethod(), null)
                : new SavedMethod(
                        null,
                        PaymentIssue.declined(
                                PaymentIssue.PAYMENT_METHOD_UNKNOWN,
                                DeclineReasons.messageFor(PaymentIssue.PAYMENT_METHOD_UNKNOWN)));
    }

    @Override
    public List<GatewayRefund> refundsOf(String chargeReference) {
        return jdbc.sql("""
                        SELECT id, amount_minor, currency, idempotency_key FROM sandbox_transactions
                         WHERE charge_id = :chargeId AND kind = 'REFUND' ORDER BY created_at, id""")
                .param("chargeId", chargeReference)
                .query((rs, n) -> new GatewayRefund(
                        rs.getString("id"),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("idempotency_key")))
                .list();
    }

    /** Whether every charge on the method is declined; empty when the sandbox does not know it. */
    private Optional<Boolean> declines(String paymentMethod) {
        return jdbc.sql("SELECT declines FROM payment_methods WHERE id = :id AND gateway = 'sandbox'")
                .param("id", paymentMethod)
                .query(Boolean.class)
                .optional();
    }

    @Override
    public GatewayRefund refund(String orderId, String idempotencyKey, String chargeReference, Money amount) {
        GatewayRefund earlier = jdbc.sql("SELECT id FROM sandbox_transactions WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> new GatewayRefund(rs.getString("id"), amount, idempotencyKey))
                .optional()
                .orElse(null);
        if (earlier != null) {
            return earlier;
        }
        // As processors do: refunds of a charge, in parts or whole, never add up to more than it.
        Long charged = jdbc.sql("""
                        SELECT c.amount_minor - coalesce((SELECT sum(r.amount_minor) FROM sandbox_transactions r
                                                           WHERE r.charge_id = c.id AND r.kind = 'REFUND'), 0)
                          FROM sandbox_transactions c
                         WHERE c.id = :id AND c.kind = 'CHARGE' AND c.status = 'SUCCEEDED'
                           AND c.currency = :currency""")
                .param("id", chargeReference)
                .param("currency", amount.currency())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no successful charge " + chargeReference));
        if (amount.amountMinor() > charged) {
            throw new IllegalStateException("refund exceeds what is left of charge " + chargeReference);
        }
        jdbc.sql("""
                        INSERT INTO sandbox_transactions
                            (id, idempotency_key, kind, charge_id, amount_minor, currency, status)
                        VALUES (:id, :key, 'REFUND', :chargeId, :amount, :currency, 'SUCCEEDED')
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", "re_" + UUID.randomUUID())
                .param("key", idempotencyKey)
                .param("chargeId", chargeReference)
                .param("amount", amount.amountMinor())
                .param("currency", amount.currency())
                .update();
        return jdbc.sql("SELECT id FROM sandbox_transactions WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> new GatewayRefund(rs.getString("id"), amount, idempotencyKey))
                .single();
    }
}
