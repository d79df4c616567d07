package dev.waitwell.activities.ledger;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes balanced ledger transactions, each once per posting key. Callers that book money together with
 * another row (a payment) call this inside their own transaction, so both commit or neither does.
 */
@Component
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts the lines under {@code postingKey}. Balance is checked by a deferred trigger at commit, so an
     * unbalanced posting fails the whole transaction it is part of.
     *
     * @return false when a transaction with this key exists already (a retry): nothing is written
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean post(
            String postingKey, String orderId, PostingKind kind, String currency, String memo, List<LedgerLine> lines) {
        Objects.requireNonNull(postingKey, "postingKey");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a posting needs lines");
        }
        Long transactionId = jdbc.sql("""
                        INSERT INTO ledger_transactions (order_id, posting_key, kind, currency, memo)
                        VALUES (:orderId, :postingKey, :kind, :currency, :memo)
                        ON CONFLICT (posting_key) DO NOTHING
                        RETURNING id""")
                .param("orderId", orderId)
                .param("postingKey", postingKey)
                .param("kind", kind.name())
                .param("currency", currency)
                .param("memo", memo)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (transactionId == null) {
            log.debug("Ledger posting {} of order {} exists already", postingKey, orderId);
            return false;
        }
        for (LedgerLine line : lines) {
            jdbc.sql("""
                            INSERT INTO ledger_lines (transaction_id, account, debit_minor, credit_minor)
                            VALUES (:transactionId, :account, :debit, :credit)""")
                    .param("transactionId", transactionId)
                    .param("account", line.account().column())
                    .param("debit", line.debitMinor())
                    .param("credit", line.creditMinor())
                    .update();
        }
        log.info("Posted {} {} for order {} ({})", kind, postingKey, orderId, memo);
        return true;
    }
}
