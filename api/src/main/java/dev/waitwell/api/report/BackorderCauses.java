package dev.waitwell.api.report;

import dev.waitwell.api.report.DemandReport.Why;
import dev.waitwell.api.report.MetricsReport.Count;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Why skus were backordered, from what PostgreSQL keeps of the backorders placed in a window (see
 * {@link DemandReport.Why} for what each figure means and what cannot be told).
 */
@Component
class BackorderCauses {

    private static final String SCOPE = """
            WITH scope AS (
                SELECT o.order_id, o.sku, o.placed_at, o.status, o.cancellation_reason FROM orders o
                 WHERE o.kind = 'BACKORDER' AND o.placed_at >= :from AND o.placed_at < :to AND o.sku IN (:skus))
            """;

    /*
     * A purchase order was open at placement when it existed and its receipts up to then had not filled it
     * (stock_receipts keep when each delivery came; purchase_orders.received only the total now).
     */
    private static final String PLACEMENT = SCOPE + """
            SELECT sku, count(*) FILTER (WHERE po_open) AS with_po, count(*) FILTER (WHERE NOT po_open) AS without_po
              FROM (SELECT s.sku, EXISTS (
                           SELECT 1 FROM purchase_orders po
                            WHERE po.sku = s.sku AND po.created_at <= s.placed_at
                              AND po.quantity > (SELECT coalesce(sum(r.quantity), 0) FROM stock_receipts r
                                                  WHERE r.purchase_order_id = po.id
                                                    AND r.received_at <= s.placed_at)) AS po_open
                      FROM scope s) placed
             GROUP BY sku""";

    /** As the metrics count delays: promise changes that moved a date later or to unknown. */
    private static final String DELAY_REASONS = SCOPE + """
            SELECT s.sku, coalesce(nullif(btrim(pc.reason), ''), 'unspecified') AS key, count(*) AS value
              FROM scope s JOIN promise_changes pc ON pc.order_id = s.order_id
             WHERE pc.previous_date IS NOT NULL AND (pc.new_date IS NULL OR pc.new_date > pc.previous_date)
             GROUP BY 1, 2""";

    /** By the order's cancellation reason (V12 filled it in for orders cancelled before the workflow sent it). */
    private static final String CANCELLATION_REASONS = SCOPE + """
            SELECT s.sku, coalesce(nullif(btrim(s.cancellation_reason), ''), 'unspecified') AS key, count(*) AS value
              FROM scope s
             WHERE s.status = 'CANCELLED'
             GROUP BY 1, 2""";

    private final JdbcClient jdbc;

    BackorderCauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The why of each sku's backorders placed in [{@code from}, {@code to}). */
    Map<String, Why> of(List<String> skus, Timestamp from, Timestamp to) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to, "skus", skus));
        Map<String, Placement> placement = jdbc.sql(PLACEMENT).params(params).query(Placement.class).list().stream()
                .collect(Collectors.toMap(Placement::sku, placed -> placed));
        Map<String, List<Count>> delays = counts(DELAY_REASONS, params);
        Map<String, List<Count>> cancellations = counts(CANCELLATION_REASONS, params);
        return skus.stream().collect(Collectors.toMap(sku -> sku, sku -> {
            Placement placed = placement.getOrDefault(sku, new Placement(sku, 0, 0));
            return new Why(
                    placed.withPo(),
                    placed.withoutPo(),
                    delays.getOrDefault(sku, List.of()),
                    cancellations.getOrDefault(sku, List.of()));
        }));
    }

    /** Per sku, the most frequent reason first. */
    private Map<String, List<Count>> counts(String sql, Map<String, Object> params) {
        return jdbc
                .sql(sql + " ORDER BY 3 DESC, 2")
                .params(params)
                .query((rs, row) -> new Tally.Keyed(rs.getString("sku"), rs.getString("key"), rs.getLong("value")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Tally.Keyed::sku,
                        Collectors.mapping(row -> new Count(row.key(), row.value()), Collectors.toList())));
    }

    private record Placement(String sku, long withPo, long withoutPo) {}
}
