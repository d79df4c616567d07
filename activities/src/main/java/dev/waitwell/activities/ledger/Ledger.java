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

    /** Whether a transaction is posted under {@code postingKey}. */
    public boolean posted(String postingKey) {
        return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE posting_key = :postingKey")
                        .param("postingKey", postingKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * What the ledger owes the order's customer in {@code currency}: the balance of their customer deposits. Locks the
     * order's row until the caller's transaction ends, so postings that depend on it (revenue, a refund made outside
     * Waitwell) are made one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long depositsHeld(String orderId, String currency) {
        jdbc.sql("SELECT order_id FROM orders WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId)
                .query(String.class)
                .optional();
        return jdbc.sql("""
                        SELECT coalesce(sum(l.credit_minor - l.debit_minor), 0) FROM ledger_lines l
                          JOIN ledger_transactions t ON t.id = l.transaction_id
                         WHERE t.order_id = :orderId AND t.currency = :currency AND l.account = :account""")
                .param("orderId", orderId)
                .param("currency", currency)
                .param("account", Account.CUSTOMER_DEPOSITS.column())
                .query(Long.class)
                .single();
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
