package dev.waitwell.api.order;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How often, and when last, an order's workflow was rebuilt from the database ({@code order_rebuilds}). */
@Component
class WorkflowRebuilds {

    private final JdbcClient jdbc;

    WorkflowRebuilds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param lastRebuiltAt null when never */
    record Summary(OffsetDateTime lastRebuiltAt, long rebuilds) {
        static final Summary NEVER = new Summary(null, 0);
    }

    Summary of(String orderId) {
        return jdbc.sql("""
                SELECT o.workflow_rebuilt_at, (SELECT count(*) FROM order_rebuilds r WHERE r.order_id = o.order_id)
                  FROM orders o WHERE o.order_id = ?""")
                .param(orderId)
                .query((rs, row) -> new Summary(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)))
                .optional()
                .orElse(Summary.NEVER);
    }
}
