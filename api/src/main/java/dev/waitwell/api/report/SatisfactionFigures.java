package dev.waitwell.api.report;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the surveys of the report's orders ({@link Metrics#IN_SCOPE}) in one query, and adds them up per scope. */
@Component
class SatisfactionFigures {

    private final JdbcClient jdbc;

    SatisfactionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Satisfaction.Fact> read(Map<String, Object> params) {
        return jdbc.sql("""
                        WITH scope AS (%s)
                        SELECT scope.sku, o.kind, s.score,
                               (slipped.order_id IS NOT NULL OR EXISTS (
                                    SELECT 1 FROM order_events e
                                     WHERE e.order_id = s.order_id AND e.type = 'STATUS_AWAITING_DECISION')) AS delayed
                          FROM scope
                          JOIN surveys s ON s.order_id = scope.order_id
                          JOIN orders o ON o.order_id = s.order_id
                          -- one pass over promise_changes (it has no index by order alone)
                          LEFT JOIN (SELECT DISTINCT pc.order_id FROM promise_changes pc
                                       JOIN scope ON scope.order_id = pc.order_id
                                      WHERE pc.previous_date IS NOT NULL
                                        AND (pc.new_date IS NULL OR pc.new_date > pc.previous_date)) slipped
                                 ON slipped.order_id = s.order_id""".formatted(Metrics.IN_SCOPE))
                .params(params)
                .query((rs, row) -> new Satisfaction.Fact(
                        rs.getString("sku"),
                        rs.getString("kind"),
                        (Integer) rs.getObject("score", Integer.class),
                        rs.getBoolean("delayed")))
                .list();
    }

    /** The satisfaction of one sku's orders, or of all ({@code sku} null). */
    static Satisfaction of(List<Satisfaction.Fact> facts, String sku) {
        return Satisfaction.of(
                sku == null
                        ? facts
                        : facts.stream().filter(fact -> sku.equals(fact.sku())).toList());
    }
}
