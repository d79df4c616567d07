package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.ReconciledRefunds;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.shared.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

class StripeRefundsTest extends StripeTest {

    @Autowired
    @Qualifier("ledgerActivities") LedgerActivities ledger;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    Payments rows;

    @Autowired
    Ledger books;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RefundReconciler reconciler;

    @Test
    void aCancellationRefundsEveryPaymentThroughStripeUnderItsRefundKeyAndOnlyOnce() {
        String orderId = order();
        ChargeResult deposit = payments.charge(atCheckout(orderId, usd(2000), "pm_card_visa"));
        ChargeResult balance = payments.charge(later(orderId, "balance-1", usd(8000), "pm_card_visa"));
        RefundRequest cancellation = new RefundRequest(orderId, "USD", "customer changed their mind");

        assertThat(payments.refundAll(cancellation).refunded()).isEqualTo(usd(10000));
        assertThat(payments.refundAll(cancellation).refunded()).isEqualTo(usd(10000));

        assertThat(requests("POST", "/v1/refunds"))
                .extracting(
                        RecordedRequest::idempotencyKey,
                        post -> post.param("payment_intent"),
                        post -> post.param("amount"),
                        post -> post.param("metadata[refund_key]"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                orderId + "/charge/deposit-1/refund",
                                deposit.chargeId(),
                                "2000",
                                orderId + "/charge/deposit-1/refund"),
                        org.assertj.core.groups.Tuple.tuple(
                                orderId + "/charge/balance-1/refund",
                                balance.chargeId(),
                                "8000",
                                orderId + "/charge/balance-1/refund"));
        assertThat(STRIPE.refundedAmount(deposit.chargeId())).isEqualTo(2000);
        assertThat(STRIPE.refundedAmount(balance.chargeId())).isEqualTo(8000);
        assertThat(balance(orderId, "cash")).isZero();
        assertThat(balance(orderId, "customerDeposits")).isZero();
    }

    @Test
    void aSwitchRefundsTheDifferenceFromTheLatestPaymentFirst() {
        String orderId = order();
        ChargeResult deposit = payments.charge(atCheckout(orderId, usd(2000), "pm_card_visa"));
        ChargeResult balance = payments.charge(later(orderId, "balance-1", usd(8000), "pm_card_visa"));

        payments.refundPart(new PartialRefundRequest(orderId, "partial-refund-1", usd(9000), "cheaper alternative"));

        assertThat(requests("POST", "/v1/refunds"))
                .extracting(RecordedRequest::idempotencyKey, post -> post.param("amount"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                orderId + "/refund-part/partial-refund-1/" + row(orderId, "balance-1"), "8000"),
                        org.assertj.core.groups.Tuple.tuple(
                                orderId + "/refund-part/partial-refund-1/" + row(orderId, "deposit-1"), "1000"));
        assertThat(STRIPE.refundedAmount(balance.chargeId())).isEqualTo(8000);
        assertThat(STRIPE.refundedAmount(deposit.chargeId())).isEqualTo(1000);
        assertThat(balance(orderId, "cash")).isEqualTo(1000);
    }

    @Test
    void aRefundInTheDashboardIsRecordedOnceWithItsLedgerEntryAndAnAuditRow() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        String refund = STRIPE.refundInDashboard(paid.chargeId(), 3000);

        ReconciledRefunds first = payments.reconcileRefunds(new RefundReconciliation(paid.chargeId(), "evt_1"));
        ReconciledRefunds second = payments.reconcileRefunds(new RefundReconciliation(paid.chargeId(), "evt_2"));

        assertThat(first).isEqualTo(new ReconciledRefunds(orderId, 1, usd(3000)));
        assertThat(second).isEqualTo(new ReconciledRefunds(orderId, 0, usd(0)));
        assertThat(jdbc.sql("""
                        SELECT idempotency_key || ' ' || gateway_reference || ' ' || amount_minor || ' ' || recorded_by
                          FROM payments WHERE order_id = ? AND kind = 'REFUND'""").param(orderId).query(String.class).list())
                .containsExactly(orderId + "/refund-external/" + refund + " " + refund + " 3000 stripe:evt_1");
        assertThat(jdbc.sql("SELECT username || ' ' || action || ' ' || details FROM staff_actions WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "stripe REFUND_RECONCILED " + refund + ": USD 30.00 of " + paid.chargeId() + " (event evt_1)");
        assertThat(balance(orderId, "cash")).isEqualTo(7000);
        assertThat(balance(orderId, "customerDeposits")).isEqualTo(-7000);
        assertThat(unbalancedTransactions(orderId)).isEmpty();
    }

    @Test
    void revenueAfterADashboardRefundIsWhatTheDepositsStillHold() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        STRIPE.refundInDashboard(paid.chargeId(), 2500);
        payments.reconcileRefunds(new RefundReconciliation(paid.chargeId(), "evt_3"));

        ledger.recognizeRevenue(new RevenueRecognition(orderId, usd(10000)));

        assertThat(balance(orderId, "revenue")).isEqualTo(-7500);
        assertThat(balance(orderId, "customerDeposits")).isZero();
        assertThat(balance(orderId, "cash")).isEqualTo(7500);
    }

    @Test
    void aDashboardRefundAfterShipmentComesOutOfRevenue() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        ledger.recognizeRevenue(new RevenueRecognition(orderId, usd(10000)));
        STRIPE.refundInDashboard(paid.chargeId(), 1000);

        payments.reconcileRefunds(new RefundReconciliation(paid.chargeId(), "evt_4"));

        assertThat(balance(orderId, "revenue")).isEqualTo(-9000);
        assertThat(balance(orderId, "customerDeposits")).isZero();
        assertThat(balance(orderId, "cash")).isEqualTo(9000);
        assertThat(unbalancedTransactions(orderId)).isEmpty();
    }

    @Test
    void aRefundOfOursWhoseAnswerWasLostIsRecordedUnderOurKeyAndNeverTwice() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        PartialRefundRequest switchRefund =
                new PartialRefundRequest(orderId, "partial-refund-1", usd(4000), "cheaper alternative");
        STRIPE.hangNextRequests("POST", "/v1/refunds", 1, Duration.ofSeconds(3));
        assertThatThrownBy(() -> payments.refundPart(switchRefund)).isInstanceOf(StripeUnavailableException.class);

        ReconciledRefunds reconciled = payments.reconcileRefunds(new RefundReconciliation(paid.chargeId(), "evt_5"));
        payments.refundPart(switchRefund);

        assertThat(reconciled.recorded()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT idempotency_key FROM payments WHERE order_id = ? AND kind = 'REFUND'")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly(orderId + "/refund-part/partial-refund-1/" + row(orderId, "balance-1"));
        assertThat(STRIPE.refundedAmount(paid.chargeId())).isEqualTo(4000);
        assertThat(balance(orderId, "cash")).isEqualTo(6000);
    }

    @Test
    void aSwitchRefundReportsItsRefundWhenStripesReportOfItWasRecordedFirst() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        // Stripe reports the refund (charge.refunded) and the webhook's reconciliation records it, under our key from
        // its metadata, between Stripe's answer and our own record of it.
        Refunds racedByTheWebhook =
                new Refunds(new ReportedBeforeRecorded(gateway, payments), rows, books, transactions, reconciler);

        Money refunded = racedByTheWebhook
                .refundPart(new PartialRefundRequest(orderId, "partial-refund-1", usd(4000), "cheaper alternative"))
                .refunded();

        assertThat(refunded).isEqualTo(usd(4000));
        assertThat(jdbc.sql(
                                "SELECT idempotency_key || ' ' || recorded_by FROM payments WHERE order_id = ? AND kind = 'REFUND'")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly(
                        orderId + "/refund-part/partial-refund-1/" + row(orderId, "balance-1") + " stripe:evt_race");
        assertThat(payments.refundPart(new PartialRefundRequest(orderId, "partial-refund-1", usd(4000), "retried"))
                        .refunded())
                .isEqualTo(usd(4000));
        assertThat(STRIPE.refundedAmount(paid.chargeId())).isEqualTo(4000);
        assertThat(balance(orderId, "cash")).isEqualTo(6000);
        assertThat(unbalancedTransactions(orderId)).isEmpty();
    }

    @Test
    void aCancellationAfterADashboardRefundGivesBackWhatIsLeftAtStripeAndRecordsTheDashboardRefundFirst() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        String dashboard = STRIPE.refundInDashboard(paid.chargeId(), 6000);

        assertThat(payments.refundAll(new RefundRequest(orderId, "USD", "cancelled"))
                        .refunded())
                .isEqualTo(usd(4000));

        assertThat(requests("POST", "/v1/refunds"))
                .singleElement()
                .satisfies(post -> assertThat(post.param("amount")).isEqualTo("4000"));
        assertThat(STRIPE.refundedAmount(paid.chargeId())).isEqualTo(10000);
        assertThat(payment(orderId + "/refund-external/" + dashboard, "amount_minor || ' ' || recorded_by"))
                .isEqualTo("6000 stripe:before-refund");
        assertThat(balance(orderId, "cash")).isZero();
        assertThat(balance(orderId, "customerDeposits")).isZero();
    }

    @Test
    void aRefundStripeRefusesForARefundWaitwellHasNotSeenYetIsRetriedNotLost() {
        String orderId = order();
        ChargeResult paid = payments.charge(later(orderId, "balance-1", usd(10000), "pm_card_visa"));
        STRIPE.refundInDashboard(paid.chargeId(), 6000);

        assertThatThrownBy(() -> gateway.refund(orderId, orderId + "/race", paid.chargeId(), usd(10000)))
                .isInstanceOf(StripeUnavailableException.class)
                .hasMessageContaining("refunded outside Waitwell");
    }

    @Test
    void aChargeThatIsNotOursIsNothingToReconcile() {
        assertThat(payments.reconcileRefunds(new RefundReconciliation("pi_not_ours", "evt_7")))
                .isEqualTo(new ReconciledRefunds(null, 0, null));
    }

    private long row(String orderId, String step) {
        return jdbc.sql("SELECT id FROM payments WHERE idempotency_key = ?")
                .param(orderId + "/charge/" + step)
                .query(Long.class)
                .single();
    }

    private List<Long> unbalancedTransactions(String orderId) {
        return jdbc.sql("""
                        SELECT t.id FROM ledger_transactions t JOIN ledger_lines l ON l.transaction_id = t.id
                         WHERE t.order_id = ? GROUP BY t.id HAVING sum(l.debit_minor) <> sum(l.credit_minor)""").param(orderId).query(Long.class).list();
    }

    /** The gateway, with the webhook's reconciliation of each refund run as soon as Stripe has made it. */
    private record ReportedBeforeRecorded(PaymentGateway stripe, PaymentActivities payments) implements PaymentGateway {

        @Override
        public GatewayRefund refund(String orderId, String idempotencyKey, String chargeReference, Money amount) {
            GatewayRefund refund = stripe.refund(orderId, idempotencyKey, chargeReference, amount);
            payments.reconcileRefunds(new RefundReconciliation(chargeReference, "evt_race"));
            return refund;
        }

        @Override
        public String name() {
            return stripe.name();
        }

        @Override
        public GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten) {
            return stripe.charge(request, keyMayBeForgotten);
        }

        @Override
        public GatewayCharge recheck(String reference) {
            return stripe.recheck(reference);
        }

        @Override
        public GatewayCharge cancelWaiting(String chargeKey, String reference) {
            return stripe.cancelWaiting(chargeKey, reference);
        }

        @Override
        public SavedMethod save(SaveMethodRequest request) {
            return stripe.save(request);
        }

        @Override
        public List<GatewayRefund> refundsOf(String chargeReference) {
            return stripe.refundsOf(chargeReference);
        }
    }
}
