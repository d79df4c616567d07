package dev.waitwell.api.report;

import dev.waitwell.api.report.Tally.Keyed;
import dev.waitwell.api.shared.WaitwellProperties;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The metrics of the orders placed in a period, read in a few queries and added up per sku and overall.
 * The orders in scope are the same in every query ({@link #IN_SCOPE}).
 */
@Component
class Metrics {

    static final String IN_SCOPE = """
            SELECT o.order_id, o.sku FROM orders o
             WHERE o.placed_at >= :from AND o.placed_at < :to AND (CAST(:sku AS text) IS NULL OR o.sku = CAST(:sku AS text))""";

    private final JdbcClient jdbc;
    private final WaitwellProperties properties;
    private final RepeatPurchases repeatPurchases;
    private final SatisfactionFigures satisfaction;

    Metrics(
            JdbcClient jdbc,
            WaitwellProperties properties,
            RepeatPurchases repeatPurchases,
            SatisfactionFigures satisfaction) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.repeatPurchases = repeatPurchases;
        this.satisfaction = satisfaction;
    }

    MetricsReport of(LocalDate from, LocalDate to, String sku) {
        Map<String, Object> bound = new HashMap<>(); // the sku may be null: Map.of refuses nulls
        bound.put("from", Timestamp.from(from.atStartOfDay(properties.zone()).toInstant()));
        bound.put("to", Timestamp.from(to.atStartOfDay(properties.zone()).toInstant()));
        bound.put("sku", sku);
        bound.put("zone", properties.zone().getId());
        List<OrderFact> orders = orders(bound);
        List<Keyed> delayReasons = delayReasons(bound);
        List<Keyed> refunds = refunds(bound);
        List<Keyed> deposits = deposits(bound);
        RepeatPurchases.ByScope repeat = repeatPurchases.of(bound);
        List<Satisfaction.Fact> surveys = satisfaction.read(bound);
        Map<String, List<OrderFact>> bySku =
                orders.stream().collect(Collectors.groupingBy(OrderFact::sku, TreeMap::new, Collectors.toList()));
        List<MetricsReport.Scope> skus = bySku.entrySet().stream()
                .map(entry -> Tally.of(
                        entry.getKey(),
                        entry.getValue(),
                        delayReasons,
                        refunds,
                        deposits,
                        repeat.of(entry.getKey()),
                        SatisfactionFigures.of(surveys, entry.getKey())))
                .toList();
        return new MetricsReport(
                from,
                to,
                properties.zone().getId(),
                sku,
                Tally.of(
                        null,
                        orders,
                        delayReasons,
                        refunds,
                        deposits,
                        repeat.of(null),
                        SatisfactionFigures.of(surveys, null)),
                skus);
    }

    private List<OrderFact> orders(Map<String, Object> params) {
        return jdbc.sql("""
                        WITH scope AS (%s)
                        SELECT o.sku, o.kind, o.status, o.quantity, o.cancellation_reason,
                               (o.placed_at AT TIME ZONE :zone)::date AS placed_day,
                               (shipment.at AT TIME ZONE :zone)::date AS shipped_day,
                               CASE WHEN first_change.order_id IS NULL THEN o.promised_date
                                    ELSE first_change.previous_date END AS first_promise,
                               (SELECT count(*) FROM order_events e
                                 WHERE e.order_id = o.order_id AND e.type = 'STATUS_AWAITING_DECISION') AS delays
                          FROM scope
                          JOIN orders o ON o.order_id = scope.order_id
                          LEFT JOIN LATERAL (SELECT min(e.at) AS at FROM order_events e
                                              WHERE e.order_id = o.order_id AND e.type = 'STATUS_SHIPPED') shipment
                                 ON true
                          -- one pass over promise_changes (it has no index by order alone)
                          LEFT JOIN (SELECT DISTINCT ON (pc.order_id) pc.order_id, pc.previous_date
                                       FROM promise_changes pc
                                       JOIN scope ON scope.order_id = pc.order_id
                                      ORDER BY pc.order_id, pc.id) first_change ON first_change.order_id = o.order_id""".formatted(IN_SCOPE))
                .params(params)
                .query(OrderFact.class)
                .list();
    }

    /** Promise changes that moved a date later or to unknown: the delays, by the reason customers were given. */
    private List<Keyed> delayReasons(Map<String, Object> params) {
        return keyed("""
                WITH scope AS (%s)
                SELECT scope.sku, pc.reason AS key, count(*) AS value
                  FROM scope JOIN promise_changes pc ON pc.order_id = scope.order_id
                 WHERE pc.previous_date IS NOT NULL AND (pc.new_date IS NULL OR pc.new_date > pc.previous_date)
                 GROUP BY scope.sku, pc.reason""", params);
    }

    private List<Keyed> refunds(Map<String, Object> params) {
        return keyed("""
                WITH scope AS (%s)
                SELECT scope.sku, p.currency AS key, sum(p.amount_minor) AS value
                  FROM scope JOIN payments p ON p.order_id = scope.order_id
                 WHERE p.kind = 'REFUND' AND p.status = 'SUCCEEDED'
                 GROUP BY scope.sku, p.currency""", params);
    }

    /** The customerDeposits liability (credits minus debits) still held for these orders. */
    private List<Keyed> deposits(Map<String, Object> params) {
        return keyed("""
                WITH scope AS (%s)
                SELECT scope.sku, t.currency AS key, sum(l.credit_minor - l.debit_minor) AS value
                  FROM scope
                  JOIN ledger_transactions t ON t.order_id = scope.order_id
                  JOIN ledger_lines l ON l.transaction_id = t.id AND l.account = 'customerDeposits'
                 GROUP BY scope.sku, t.currency""", params);
    }

    private List<Keyed> keyed(String sql, Map<String, Object> params) {
        return jdbc.sql(sql.formatted(IN_SCOPE))
                .params(params)
                .query((rs, row) -> new Keyed(
                        rs.getString("sku"), Tally.reasonOf(rs.getString("key")).strip(), rs.getLong("value")))
                .list();
    }
}
