package dev.waitwell.api.metrics;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every business figure in one read-only snapshot of the database (so they agree with each other), with a
 * statement timeout. Each query is one grouped pass; their cost at 100,000 orders is in the README (Operations): refunds
 * and decisions read partial indexes, the rest scan tables that grow with orders (orders, allocations,
 * promise_changes, notifications, the ledger's customerDeposits lines).
 */
@Component
class BusinessQueries {

    /** What caused a promise review, from its id ({@code po-...}, {@code eta-...}, ...; see the api features). */
    static final List<String> DELAY_CAUSES =
            List.of("purchase_order", "restock_eta", "release_date", "receipt", "other");
    /** Who decides a delay: the customer's link, support on their behalf, or silence counted as WAIT. */
    static final List<String> DECIDERS = List.of("customer", "staff", "silence");
    /** The statuses a message can have (the CHECK constraint of notifications.status). */
    static final List<String> NOTIFICATION_STATUSES = List.of("SENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED");
    /**
     * Stripe's dispute reasons; any other (a reason Stripe adds later) is counted as {@code other}, so that the label
     * keeps a small, known set of values.
     */
    static final List<String> DISPUTE_REASONS = List.of(
            "bank_cannot_process",
            "check_returned",
            "credit_not_processed",
            "customer_initiated",
            "debit_not_authorized",
            "duplicate",
            "fraudulent",
            "general",
            "incorrect_account_details",
            "insufficient_funds",
            "noncompliant",
            "product_not_received",
            "product_unacceptable",
            "subscription_canceled",
            "unrecognized",
            "other");

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final long timeoutMillis;

    BusinessQueries(JdbcClient jdbc, PlatformTransactionManager transactions, MetricsProperties properties) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.timeoutMillis = properties.queryTimeout().toMillis();
    }

    Map<Series, Double> read() {
        return snapshot.execute(tx -> {
            jdbc.sql("SELECT set_config('statement_timeout', :millis, true)")
                    .param("millis", Long.toString(timeoutMillis))
                    .query()
                    .singleValue();
            Map<Series, Double> figures = new HashMap<>();
            orders(figures);
            allocations(figures);
            delays(figures);
            decisions(figures);
            refunds(figures);
            disputes(figures);
            notifications(figures);
            deposits(figures);
            recovery(figures);
            SurveyFigures.read(jdbc, figures);
            return figures;
        });
    }

    private void orders(Map<Series, Double> figures) {
        jdbc.sql("SELECT kind, status, count(*) FROM orders GROUP BY kind, status")
                .query((ResultSet rs) -> {
                    add(figures, Series.of(Figure.ORDERS_PLACED, "kind", rs.getString(1)), rs.getLong(3));
                    add(figures, Series.of(Figure.ORDERS, "status", rs.getString(2)), rs.getLong(3));
                });
    }

    private void allocations(Map<Series, Double> figures) {
        jdbc.sql("SELECT count(*), coalesce(sum(quantity), 0) FROM allocations").query((ResultSet rs) -> {
            add(figures, Series.of(Figure.ALLOCATIONS), rs.getLong(1));
            add(figures, Series.of(Figure.ALLOCATED_UNITS), rs.getLong(2));
        });
    }

    /** The report's definition of a delay: a known date moved later, or to unknown. */
    private void delays(Map<Series, Double> figures) {
        jdbc.sql("""
                SELECT CASE split_part(review_id, '-', 1) WHEN 'po' THEN 'purchase_order' WHEN 'eta' THEN 'restock_eta'
                            WHEN 'product' THEN 'release_date' WHEN 'receipt' THEN 'receipt' ELSE 'other' END,
                       count(*)
                  FROM promise_changes
                 WHERE previous_date IS NOT NULL AND (new_date IS NULL OR new_date > previous_date)
                 GROUP BY 1""")
                .query((ResultSet rs) ->
                        add(figures, Series.of(Figure.DELAYS, "cause", rs.getString(1)), rs.getLong(2)));
    }

    /**
     * The order workflow records each decision it carries out as a DELAY_DECIDED event, "WAIT decided by customer
     * (note)"; a decider other than the customer's link or silence is a staff member (counted as staff, never
     * by name: one label value per user would not stay small). Reads the partial index of these events.
     */
    private void decisions(Map<Series, Double> figures) {
        jdbc.sql("""
                SELECT substring(message FROM '^([A-Z]+) decided by '),
                       CASE substring(message FROM '^[A-Z]+ decided by (\\S+)')
                            WHEN 'customer' THEN 'customer' WHEN 'silence' THEN 'silence' ELSE 'staff' END,
                       count(*)
                  FROM order_events
                 WHERE type = 'DELAY_DECIDED'
                 GROUP BY 1, 2""").query((ResultSet rs) -> {
            if (rs.getString(1) != null) {
                add(
                        figures,
                        Series.of(Figure.DECISIONS, "choice", rs.getString(1), "by", rs.getString(2)),
                        rs.getLong(3));
            }
        });
    }

    private void refunds(Map<Series, Double> figures) {
        jdbc.sql("""
                SELECT currency, count(*), sum(amount_minor) FROM payments
                 WHERE kind = 'REFUND' AND status = 'SUCCEEDED'
                 GROUP BY currency""").query((ResultSet rs) -> {
            add(figures, Series.of(Figure.REFUNDS, "currency", rs.getString(1)), rs.getLong(2));
            add(figures, Series.of(Figure.REFUNDED_MINOR, "currency", rs.getString(1)), rs.getLong(3));
        });
    }

    private void disputes(Map<Series, Double> figures) {
        jdbc.sql("SELECT reason, count(*) FROM order_disputes GROUP BY reason").query((ResultSet rs) -> {
            String given = rs.getString(1);
            String reason = given != null && DISPUTE_REASONS.contains(given) ? given : "other";
            add(figures, Series.of(Figure.DISPUTES, "reason", reason), rs.getLong(2));
        });
    }

    private void notifications(Map<Series, Double> figures) {
        jdbc.sql("SELECT channel, status, count(*) FROM notifications GROUP BY channel, status")
                .query((ResultSet rs) -> add(
                        figures,
                        Series.of(Figure.NOTIFICATIONS, "channel", rs.getString(1), "status", rs.getString(2)),
                        rs.getLong(3)));
    }

    private void deposits(Map<Series, Double> figures) {
        jdbc.sql("""
                SELECT t.currency, sum(l.credit_minor - l.debit_minor)
                  FROM ledger_lines l JOIN ledger_transactions t ON t.id = l.transaction_id
                 WHERE l.account = 'customerDeposits'
                 GROUP BY t.currency""")
                .query((ResultSet rs) -> add(
                        figures, Series.of(Figure.DEPOSITS_HELD_MINOR, "currency", rs.getString(1)), rs.getLong(2)));
    }

    /** The worker's reconciler: its latest pass (none yet reads as 0) and every rebuild it or support made. */
    private void recovery(Map<Series, Double> figures) {
        jdbc.sql("SELECT without_workflow FROM workflow_reconciles ORDER BY finished_at DESC, id DESC LIMIT 1")
                .query((ResultSet rs) -> add(figures, Series.of(Figure.ORDERS_WITHOUT_WORKFLOW), rs.getLong(1)));
        jdbc.sql("SELECT trigger, count(*) FROM order_rebuilds GROUP BY trigger")
                .query((ResultSet rs) ->
                        add(figures, Series.of(Figure.ORDERS_REBUILT, "trigger", rs.getString(1)), rs.getLong(2)));
    }

    private static void add(Map<Series, Double> figures, Series series, long value) {
        figures.merge(series, (double) value, Double::sum);
    }
}
