package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.ReconciledRefunds;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class PaymentActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("paymentActivities") PaymentActivities payments;

    @Test
    void sandboxChargeSucceedsAndBooksCashAgainstCustomerDeposits() {
        String orderId = fixture.preorder();

        ChargeResult result = payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));

        assertThat(result.amount()).isEqualTo(Money.of(2000, "USD"));
        assertThat(result.chargeId()).startsWith("ch_");
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
        assertThat(balance(orderId, "customerDeposits")).isEqualTo(-2000);
        assertThat(jdbc.sql("SELECT status FROM payments WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("SUCCEEDED");
    }

    @Test
    void retriedChargeWithTheSameKeyMovesMoneyOnce() {
        String orderId = fixture.preorder();
        ChargeRequest request = deposit(orderId, "checkout", 2000, "pm_card_mastercard");

        ChargeResult first = payments.charge(request);
        ChargeResult retried = payments.charge(request);

        assertThat(retried).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM sandbox_transactions WHERE idempotency_key = ?",
                        request.idempotencyKey()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isEqualTo(1);
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
    }

    @Test
    void aChargeCarryingItsTimelineEntryWritesItWithItsSuccessOnceWhateverTheRetries() {
        String orderId = fixture.preorder();
        OrderEvent entry =
                new OrderEvent(orderId, "event:PAYMENT_CHARGED#1", "PAYMENT_CHARGED", "DEPOSIT of $20.00 charged");
        ChargeRequest request =
                deposit(orderId, "deposit-1", 2000, "pm_card_visa").withChargedEvent(entry);

        payments.charge(request);
        payments.charge(request);

        assertThat(jdbc.sql("SELECT event_key || ' ' || message FROM order_events WHERE order_id = ? AND type = ?")
                        .params(orderId, "PAYMENT_CHARGED")
                        .query(String.class)
                        .list())
                .containsExactly("event:PAYMENT_CHARGED#1 DEPOSIT of $20.00 charged");
    }

    @Test
    void aDeclinedChargeWritesNoTimelineEntryOfItsSuccess() {
        String orderId = fixture.preorder();
        OrderEvent entry = new OrderEvent(orderId, "event:PAYMENT_CHARGED#1", "PAYMENT_CHARGED", "charged");

        assertThatThrownBy(() -> payments.charge(deposit(orderId, "deposit-1", 2000, "pm_card_chargeDeclined")
                        .withChargedEvent(entry)))
                .isInstanceOf(ApplicationFailure.class);

        assertThat(count("SELECT count(*) FROM order_events WHERE order_id = ? AND type = 'PAYMENT_CHARGED'", orderId))
                .isZero();
    }

    @Test
    void declinedCardThrowsPaymentDeclinedAndRecordsTheAttempt() {
        String orderId = fixture.preorder();
        ChargeRequest request = deposit(orderId, "checkout", 2000, "pm_card_chargeDeclined");

        assertThatThrownBy(() -> payments.charge(request)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name());
            assertThat(failure.isNonRetryable()).isTrue();
            assertThat(failure.getDetails().get(PaymentIssue.class))
                    .isEqualTo(PaymentIssue.declined("card_declined", "Your bank declined the payment."));
        });
        assertThatThrownBy(() -> payments.charge(request))
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name()));

        assertThat(jdbc.sql(
                                "SELECT status || ':' || failure_reason || ':' || failure_message FROM payments WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("DECLINED:card_declined:Your bank declined the payment.");
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?", orderId))
                .isZero();
    }

    @Test
    void unknownPaymentMethodIsRejectedForGood() {
        String orderId = fixture.preorder();

        assertThatThrownBy(() -> payments.charge(deposit(orderId, "checkout", 2000, "pm_card_unheard_of")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_METHOD_UNKNOWN.name());
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getDetails().get(PaymentIssue.class).code())
                            .isEqualTo(PaymentIssue.PAYMENT_METHOD_UNKNOWN);
                });
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId))
                .isZero();
    }

    @Test
    void theSandboxNeverHasAChargeWaitingOnTheBankAndLetsGoOfOneAsItsRowSays() {
        String orderId = fixture.preorder();
        ChargeRequest paid = deposit(orderId, "checkout", 2000, "pm_card_visa");
        ChargeRequest declined = deposit(orderId, "balance-1", 8000, "pm_card_chargeDeclined");
        ChargeResult result = payments.charge(paid);
        assertThatThrownBy(() -> payments.charge(declined)).isInstanceOf(ApplicationFailure.class);

        assertThat(payments.cancelWaitingCharge(paid)).isEqualTo(new WaitingChargeCancellation(result));
        assertThat(payments.cancelWaitingCharge(declined)).isEqualTo(new WaitingChargeCancellation(null));
        assertThat(payments.cancelWaitingCharge(deposit(orderId, "balance-2", 8000, "pm_card_visa")))
                .isEqualTo(new WaitingChargeCancellation(null));
        assertThat(balance(orderId, "cash")).isEqualTo(2000);
    }

    @Test
    void theSandboxSavesKnownMethodsAsTheyAreAndNamesUnknownOnes() {
        String orderId = fixture.preorder();

        SavedMethod saved = payments.saveForLater(new SaveMethodRequest(orderId, "pm_card_visa", null));
        SavedMethod unknown = payments.saveForLater(new SaveMethodRequest(orderId, "pm_card_unheard_of", null));

        assertThat(saved).isEqualTo(new SavedMethod("pm_card_visa", null));
        assertThat(unknown.reference()).isNull();
        assertThat(unknown.issue().code()).isEqualTo(PaymentIssue.PAYMENT_METHOD_UNKNOWN);
    }

    @Test
    void theSandboxHasNoRefundsWaitwellDidNotMake() {
        String orderId = fixture.preorder();
        ChargeResult charged = payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.refundPart(part(orderId, "partial-refund-1", 500));

        ReconciledRefunds reconciled =
                payments.reconcileRefunds(new RefundReconciliation(charged.chargeId(), "evt_sandbox"));

        assertThat(reconciled).isEqualTo(new ReconciledRefunds(orderId, 0, Money.of(0, "USD")));
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND kind = 'REFUND'", orderId))
                .isEqualTo(1);
    }

    @Test
    void refundAllRefundsExactlyWhatWasPaidAndOnlyOnce() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.charge(
                new ChargeRequest(orderId, "balance-1", ChargePurpose.BALANCE, Money.of(8000, "USD"), "pm_card_visa"));
        assertThatThrownBy(() -> payments.charge(new ChargeRequest(
                        orderId, "balance-2", ChargePurpose.BALANCE, Money.of(8000, "USD"), "pm_card_chargeDeclined")))
                .isInstanceOf(ApplicationFailure.class);
        RefundRequest refund = new RefundRequest(orderId, "USD", "customer changed their mind");

        assertThat(payments.refundAll(refund).refunded()).isEqualTo(Money.of(10000, "USD"));
        assertThat(payments.refundAll(refund).refunded())
                .as("a retry answers as the first attempt, refunding nothing")
                .isEqualTo(Money.of(10000, "USD"));

        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND kind = 'REFUND'", orderId))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM sandbox_transactions WHERE kind = 'REFUND' AND idempotency_key LIKE ?",
                        orderId + "/%"))
                .isEqualTo(2);
        assertThat(balance(orderId, "cash")).isZero();
        assertThat(balance(orderId, "customerDeposits")).isZero();
    }

    @Test
    void refundAllOfAnOrderThatPaidNothingRefundsZero() {
        String orderId = fixture.preorder();

        assertThat(payments.refundAll(new RefundRequest(orderId, "USD", "out of stock"))
                        .refunded())
                .isEqualTo(Money.of(0, "USD"));
    }

    @Test
    void partialRefundsTakeFromTheLatestChargeFirstAndNeverMoreThanItTook() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.charge(
                new ChargeRequest(orderId, "balance-1", ChargePurpose.BALANCE, Money.of(8000, "USD"), "pm_card_visa"));

        assertThat(payments.refundPart(part(orderId, "partial-refund-1", 3000)).refunded())
                .isEqualTo(Money.of(3000, "USD"));
        assertThat(payments.refundPart(part(orderId, "partial-refund-2", 6000)).refunded())
                .isEqualTo(Money.of(6000, "USD"));

        assertThat(refunds(orderId))
                .containsExactly(
                        orderId + "/refund-part/partial-refund-1/" + chargeRow(orderId, "balance-1")
                                + " 3000 of balance-1",
                        orderId + "/refund-part/partial-refund-2/" + chargeRow(orderId, "balance-1")
                                + " 5000 of balance-1",
                        orderId + "/refund-part/partial-refund-2/" + chargeRow(orderId, "checkout")
                                + " 1000 of checkout");
        assertThat(balance(orderId, "cash")).isEqualTo(1000);
        assertThat(balance(orderId, "customerDeposits")).isEqualTo(-1000);
        assertThat(count(
                        "SELECT count(*) FROM sandbox_transactions WHERE kind = 'REFUND' AND idempotency_key LIKE ?",
                        orderId + "/%"))
                .isEqualTo(3);
    }

    @Test
    void aRetriedPartialRefundMovesMoneyOnce() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        PartialRefundRequest request = part(orderId, "partial-refund-1", 1500);

        payments.refundPart(request);
        assertThat(payments.refundPart(request).refunded()).isEqualTo(Money.of(1500, "USD"));

        assertThat(refunds(orderId)).hasSize(1);
        assertThat(count("SELECT count(*) FROM ledger_transactions WHERE order_id = ? AND kind = 'REFUND'", orderId))
                .isEqualTo(1);
        assertThat(balance(orderId, "cash")).isEqualTo(500);
    }

    @Test
    void aPartialRefundOfMoreThanWasPaidIsRefusedAndMovesNothing() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.refundPart(part(orderId, "partial-refund-1", 1500));

        assertThatThrownBy(() -> payments.refundPart(part(orderId, "partial-refund-2", 501)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("REFUND_EXCEEDS_PAYMENTS");
                    assertThat(failure.isNonRetryable()).isTrue();
                });

        assertThat(refunds(orderId)).hasSize(1);
        assertThat(balance(orderId, "cash")).isEqualTo(500);
    }

    @Test
    void refundAllAfterPartialRefundsRefundsOnlyWhatRemainsAndTheBooksBalance() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.charge(
                new ChargeRequest(orderId, "balance-1", ChargePurpose.BALANCE, Money.of(8000, "USD"), "pm_card_visa"));
        payments.refundPart(part(orderId, "partial-refund-1", 8500));
        RefundRequest refund = new RefundRequest(orderId, "USD", "cancelled after a switch");

        assertThat(payments.refundAll(refund).refunded()).isEqualTo(Money.of(1500, "USD"));
        assertThat(payments.refundAll(refund).refunded()).isEqualTo(Money.of(1500, "USD"));

        assertThat(jdbc.sql("""
                        SELECT c.idempotency_key || ' ' || c.amount_minor || ' ' || sum(r.amount_minor)
                          FROM payments c JOIN payments r ON r.refund_of = c.id
                         WHERE c.order_id = ? GROUP BY c.id ORDER BY c.id""").param(orderId).query(String.class).list())
                .containsExactly(orderId + "/charge/checkout 2000 2000", orderId + "/charge/balance-1 8000 8000");
        assertThat(balance(orderId, "cash")).isZero();
        assertThat(balance(orderId, "customerDeposits")).isZero();
    }

    @Test
    void theSchemaRefusesRefundsOfAChargeThatAddUpToMoreThanIt() {
        String orderId = fixture.preorder();
        payments.charge(deposit(orderId, "checkout", 2000, "pm_card_visa"));
        payments.refundPart(part(orderId, "partial-refund-1", 1500));
        long charge = chargeRow(orderId, "checkout");

        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                              refund_of)
                        VALUES (?, ?, 'REFUND', 'DEPOSIT', 'SUCCEEDED', 501, 'USD', ?)""")
                        .params(orderId, orderId + "/sneaky", charge)
                        .update())
                .hasMessageContaining("would refund 2001 of charge");
        jdbc.sql("""
                        INSERT INTO payments (order_id, idempotency_key, kind, purpose, status, amount_minor, currency,
                                              refund_of)
                        VALUES (?, ?, 'REFUND', 'DEPOSIT', 'SUCCEEDED', 500, 'USD', ?)""").params(orderId, orderId + "/rest", charge).update();
    }

    private static PartialRefundRequest part(String orderId, String step, long amount) {
        return new PartialRefundRequest(orderId, step, Money.of(amount, "USD"), "switched to a cheaper item");
    }

    private long chargeRow(String orderId, String step) {
        return jdbc.sql("SELECT id FROM payments WHERE idempotency_key = ?")
                .param(orderId + "/charge/" + step)
                .query(Long.class)
                .single();
    }

    /** "key amount of step" per refund, in the order they were made. */
    private List<String> refunds(String orderId) {
        return jdbc.sql("""
                        SELECT r.idempotency_key || ' ' || r.amount_minor || ' of '
                               || substring(c.idempotency_key from '[^/]+$')
                          FROM payments r JOIN payments c ON c.id = r.refund_of
                         WHERE r.order_id = ? AND r.kind = 'REFUND' ORDER BY r.id""").param(orderId).query(String.class).list();
    }

    private static ChargeRequest deposit(String orderId, String step, long amount, String method) {
        return new ChargeRequest(orderId, step, ChargePurpose.DEPOSIT, Money.of(amount, "USD"), method);
    }

    /** Debits minus credits of the order's postings on one account. */
    private long balance(String orderId, String account) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.debit_minor - l.credit_minor), 0) FROM ledger_lines l
                          JOIN ledger_transactions t ON t.id = l.transaction_id
                         WHERE t.order_id = ? AND l.account = ?""").params(orderId, account).query(Long.class).single();
    }

    private long count(String sql, String parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }
}
