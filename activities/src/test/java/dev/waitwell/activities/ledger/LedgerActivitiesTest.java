package dev.waitwell.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

class LedgerActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("ledgerActivities") LedgerActivities ledgerActivities;

    @Autowired
    @Qualifier("paymentActivities") PaymentActivities payments;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void revenueIsRecognizedOncePerOrder() {
        String orderId = fixture.preorder();
        payments.charge(
                new ChargeRequest(orderId, "checkout", ChargePurpose.FULL, Money.of(10000, "USD"), "pm_card_visa"));
        RevenueRecognition recognition = new RevenueRecognition(orderId, Money.of(10000, "USD"));

        ledgerActivities.recognizeRevenue(recognition);
        ledgerActivities.recognizeRevenue(recognition);

        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE order_id = ? AND kind = 'REVENUE'")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(balance(orderId, "customerDeposits")).isZero();
        assertThat(balance(orderId, "revenue")).isEqualTo(-10000);
        assertThat(balance(orderId, "cash")).isEqualTo(10000);
    }

    @Test
    void revenueIsNeverMoreThanTheCustomerDepositsTheLedgerHolds() {
        String orderId = fixture.preorder();
        payments.charge(
                new ChargeRequest(orderId, "checkout", ChargePurpose.FULL, Money.of(10000, "USD"), "pm_card_visa"));
        payments.refundPart(new PartialRefundRequest(orderId, "partial-refund-1", Money.of(2500, "USD"), "switch"));

        ledgerActivities.recognizeRevenue(new RevenueRecognition(orderId, Money.of(10000, "USD")));
        ledgerActivities.recognizeRevenue(new RevenueRecognition(orderId, Money.of(10000, "USD")));

        assertThat(balance(orderId, "revenue")).isEqualTo(-7500);
        assertThat(balance(orderId, "customerDeposits")).isZero();
        assertThat(balance(orderId, "cash")).isEqualTo(7500);
    }

    @Test
    void ledgerStaysBalancedAcrossEveryPosting() {
        String orderId = fixture.preorder();
        payments.charge(
                new ChargeRequest(orderId, "checkout", ChargePurpose.DEPOSIT, Money.of(2000, "USD"), "pm_card_visa"));
        ledgerActivities.recognizeRevenue(new RevenueRecognition(orderId, Money.of(2000, "USD")));

        List<Long> unbalanced = jdbc.sql("""
                        SELECT transaction_id FROM ledger_lines GROUP BY transaction_id
                        HAVING sum(debit_minor) <> sum(credit_minor)""").query(Long.class).list();
        assertThat(unbalanced).isEmpty();
        assertThat(jdbc.sql("SELECT sum(debit_minor) = sum(credit_minor) FROM ledger_lines")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void databaseRefusesAnUnbalancedPostingAtCommit() {
        String orderId = fixture.preorder();

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> ledger.post(
                        orderId + "/broken",
                        orderId,
                        PostingKind.PAYMENT,
                        "USD",
                        "one-sided",
                        List.of(LedgerLine.debit(Account.CASH, 500)))))
                .isInstanceOf(TransactionSystemException.class)
                .hasStackTraceContaining("does not balance");

        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE posting_key = ?")
                        .param(orderId + "/broken")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long balance(String orderId, String account) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.debit_minor - l.credit_minor), 0) FROM ledger_lines l
                          JOIN ledger_transactions t ON t.id = l.transaction_id
                         WHERE t.order_id = ? AND l.account = ?""").params(orderId, account).query(Long.class).single();
    }
}
