package dev.waitwell.activities.ledger;

import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.shared.Money;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component("ledgerActivities")
class LedgerActivitiesImpl implements LedgerActivities {

    private static final Logger log = LoggerFactory.getLogger(LedgerActivitiesImpl.class);

    private final Ledger ledger;

    LedgerActivitiesImpl(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void recognizeRevenue(RevenueRecognition recognition) {
        Money amount = recognition.amount();
        if (!amount.isPositive()) {
            // Nothing was paid (a free order): a zero line is not a posting.
            log.info("Order {} has no revenue to recognize", recognition.orderId());
            return;
        }
        ledger.post(
                recognition.orderId() + "/revenue",
                recognition.orderId(),
                PostingKind.REVENUE,
                amount.currency(),
                "revenue of order " + recognition.orderId(),
                List.of(
                        LedgerLine.debit(Account.CUSTOMER_DEPOSITS, amount.amountMinor()),
                        LedgerLine.credit(Account.REVENUE, amount.amountMinor())));
    }
}
