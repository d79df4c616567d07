package dev.waitwell.activities.ledger;

import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component("ledgerActivities")
class LedgerActivitiesImpl implements LedgerActivities {

    private static final Logger log = LoggerFactory.getLogger(LedgerActivitiesImpl.class);

    private final Ledger ledger;
    private final TransactionTemplate transactions;

    LedgerActivitiesImpl(Ledger ledger, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /**
     * Revenue is what the customer's deposits still hold, at most the amount asked: a refund the workflow never saw
     * (made in the processor's dashboard) has taken its part already.
     */
    @Override
    public void recognizeRevenue(RevenueRecognition recognition) {
        Money asked = recognition.amount();
        String orderId = recognition.orderId();
        if (!asked.isPositive()) {
            // Nothing was paid (a free order): a zero line is not a posting.
            log.info("Order {} has no revenue to recognize", orderId);
            return;
        }
        String postingKey = orderId + "/revenue";
        transactions.executeWithoutResult(tx -> {
            if (ledger.posted(postingKey)) {
                return; // a retry: recognized once already
            }
            long held = ledger.depositsHeld(orderId, asked.currency());
            long amount = Math.min(asked.amountMinor(), held);
            if (amount < asked.amountMinor()) {
                log.warn(
                        "Order {}: revenue of {} asked, its customer deposits hold {} {}; recognizing that",
                        orderId,
                        asked.display(),
                        held,
                        asked.currency());
            }
            if (amount <= 0) {
                return;
            }
            ledger.post(
                    postingKey,
                    orderId,
                    PostingKind.REVENUE,
                    asked.currency(),
                    "revenue of order " + orderId,
                    List.of(
                            LedgerLine.debit(Account.CUSTOMER_DEPOSITS, amount),
                            LedgerLine.credit(Account.REVENUE, amount)));
        });
    }
}
