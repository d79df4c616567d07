package dev.waitwell.activities.payment;

import dev.waitwell.activities.ledger.Account;
import dev.waitwell.activities.ledger.Ledger;
import dev.waitwell.activities.ledger.LedgerLine;
import dev.waitwell.activities.ledger.PostingKind;
import dev.waitwell.workflows.payment.ReconciledRefunds;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.shared.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the refunds the processor has of one of our charges that Waitwell has not: made in its dashboard, or
 * Waitwell's own whose answer was lost. Each is recorded once, by its processor reference (a unique index), with its
 * ledger entry and an audit row, in one transaction.
 */
@Component
class RefundReconciler {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);

    private final PaymentGateway gateway;
    private final Payments payments;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    RefundReconciler(
            PaymentGateway gateway,
            Payments payments,
            Ledger ledger,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.gateway = gateway;
        this.payments = payments;
        this.ledger = ledger;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** The refunds a processor event reports for one charge. */
    ReconciledRefunds reconcile(RefundReconciliation reconciliation) {
        PaymentRow charge = payments.findChargeByReference(reconciliation.chargeReference())
                .filter(PaymentRow::succeeded)
                .orElse(null);
        if (charge == null) {
            log.info(
                    "No paid charge of ours is {} (event {}): nothing to reconcile",
                    reconciliation.chargeReference(),
                    reconciliation.eventId());
            return new ReconciledRefunds(null, 0, null);
        }
        return recordUnknown(charge, reconciliation.eventId(), "event " + reconciliation.eventId());
    }

    /**
     * Before Waitwell refunds an order, the refunds the processor has of its charges: what is left to refund is what
     * the processor has left, not only what Waitwell gave back itself. (A refund asked for more than is left fails,
     * and the processor may keep that answer under the refund's key.)
     */
    void beforeRefunding(String orderId) {
        for (Payments.Refundable refundable : payments.refundableCharges(orderId, false)) {
            recordUnknown(refundable.charge(), "before-refund", "found before refunding");
        }
    }

    private ReconciledRefunds recordUnknown(PaymentRow charge, String source, String why) {
        // The processor lists newest first; recorded oldest first, they read in the order they happened.
        List<GatewayRefund> atProcessor = new ArrayList<>(gateway.refundsOf(charge.gatewayReference()));
        Collections.reverse(atProcessor);
        int recorded = 0;
        long amount = 0;
        for (GatewayRefund refund : atProcessor) {
            if (payments.refundRecorded(refund.reference())) {
                continue;
            }
            if (Boolean.TRUE.equals(transactions.execute(tx -> record(charge, refund, source, why)))) {
                recorded++;
                amount += refund.amount().amountMinor();
            }
        }
        if (recorded > 0) {
            log.info(
                    "Recorded {} refund(s) of {} made outside Waitwell's records (order {}, {}): {} in all",
                    recorded,
                    charge.gatewayReference(),
                    charge.orderId(),
                    why,
                    amount);
        }
        return new ReconciledRefunds(
                charge.orderId(), recorded, Money.of(amount, charge.amount().currency()));
    }

    /**
     * A refund of Waitwell's own (its key in the metadata) is recorded under that key, so the retry of the refund
     * that made it finds it there; any other gets a key of its own. What the customer's deposits no longer hold (the
     * goods shipped: revenue) is taken back from revenue.
     */
    private boolean record(PaymentRow charge, GatewayRefund refund, String source, String why) {
        boolean ours = refund.idempotencyKey() != null;
        String key = ours ? refund.idempotencyKey() : charge.orderId() + "/refund-external/" + refund.reference();
        Money money = refund.amount();
        long held = ledger.depositsHeld(charge.orderId(), money.currency());
        if (!payments.insertRefund(charge, key, money, refund.reference(), gateway.name() + ":" + source)) {
            return false;
        }
        long fromDeposits = Math.max(0, Math.min(held, money.amountMinor()));
        List<LedgerLine> lines = new ArrayList<>();
        if (fromDeposits > 0) {
            lines.add(LedgerLine.debit(Account.CUSTOMER_DEPOSITS, fromDeposits));
        }
        if (money.amountMinor() > fromDeposits) {
            lines.add(LedgerLine.debit(Account.REVENUE, money.amountMinor() - fromDeposits));
        }
        lines.add(LedgerLine.credit(Account.CASH, money.amountMinor()));
        String where = ours ? "Waitwell's refund, recorded from " + gateway.name() : "refunded in " + gateway.name();
        ledger.post(
                key,
                charge.orderId(),
                PostingKind.REFUND,
                money.currency(),
                where + ": " + money.display() + " of " + charge.idempotencyKey() + " (" + refund.reference() + ")",
                lines);
        jdbc.sql("""
                        INSERT INTO staff_actions (username, action, order_id, reason, details)
                        VALUES (:username, 'REFUND_RECONCILED', :orderId, :reason, :details)""")
                .param("username", gateway.name())
                .param("orderId", charge.orderId())
                .param(
                        "reason",
                        ours ? "Waitwell's refund, recorded from the processor's report" : "refunded outside Waitwell")
                .param(
                        "details",
                        refund.reference() + ": " + money.display() + " of " + charge.gatewayReference() + " (" + why
                                + ")")
                .update();
        return true;
    }
}
