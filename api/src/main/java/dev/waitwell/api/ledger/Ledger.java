package dev.waitwell.api.ledger;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the ledger. */
@Component
public class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Balance> balances() {
        return jdbc.sql("""
                SELECT t.currency,
                       coalesce(sum(l.debit_minor - l.credit_minor) FILTER (WHERE l.account = 'cash'), 0) AS cash,
                       coalesce(sum(l.credit_minor - l.debit_minor) FILTER (WHERE l.account = 'customerDeposits'), 0)
                           AS customer_deposits,
                       coalesce(sum(l.credit_minor - l.debit_minor) FILTER (WHERE l.account = 'revenue'), 0) AS revenue
                  FROM ledger_lines l
                  JOIN ledger_transactions t ON t.id = l.transaction_id
                 GROUP BY t.currency
                 ORDER BY t.currency""").query(Balance.class).list();
    }

    public List<LedgerLine> linesOf(String orderId) {
        return jdbc.sql("""
                SELECT t.posted_at AS at, t.kind, l.account, l.debit_minor AS debit, l.credit_minor AS credit,
                       t.currency, t.memo
                  FROM ledger_lines l
                  JOIN ledger_transactions t ON t.id = l.transaction_id
                 WHERE t.order_id = ?
                 ORDER BY t.posted_at, t.id, l.id""").param(orderId).query(LedgerLine.class).list();
    }
}
