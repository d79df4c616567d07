package dev.waitwell.api.recovery;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code recovery} health component: what the worker's reconciler found in its latest pass (open orders,
 * those Temporal had no running workflow for, rebuilt, failed) and how many rebuilds there were in all. UP with
 * those details once a pass is recorded, UNKNOWN before. Never DOWN, not even when the figures cannot be read: it
 * reports what the worker did, and the API serves requests whatever it says (the {@code db} component reports the
 * database).
 */
@Component
class RecoveryHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;

    RecoveryHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Pass(
            OffsetDateTime finishedAt,
            int openOrders,
            int withoutWorkflow,
            int rebuilt,
            int failed,
            long rebuiltTotal) {}

    @Override
    public Health health() {
        Optional<Pass> latest;
        try {
            latest = latestPass();
        } catch (RuntimeException unreadable) {
            return Health.unknown()
                    .withDetail(
                            "error",
                            "the reconciler's passes could not be read: "
                                    + unreadable.getClass().getSimpleName())
                    .build();
        }
        return latest.map(pass -> Health.up()
                        .withDetail("lastPassAt", pass.finishedAt().toString())
                        .withDetail("openOrders", pass.openOrders())
                        .withDetail("withoutWorkflow", pass.withoutWorkflow())
                        .withDetail("rebuilt", pass.rebuilt())
                        .withDetail("failed", pass.failed())
                        .withDetail("rebuiltTotal", pass.rebuiltTotal())
                        .build())
                .orElseGet(() -> Health.unknown()
                        .withDetail("reason", "the worker's reconciler has recorded no pass yet")
                        .build());
    }

    private Optional<Pass> latestPass() {
        return jdbc.sql("""
                SELECT finished_at, open_orders, without_workflow, rebuilt, failed,
                       (SELECT count(*) FROM order_rebuilds) AS rebuilt_total
                  FROM workflow_reconciles ORDER BY finished_at DESC, id DESC LIMIT 1""")
                .query((rs, row) -> new Pass(
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getInt("open_orders"),
                        rs.getInt("without_workflow"),
                        rs.getInt("rebuilt"),
                        rs.getInt("failed"),
                        rs.getLong("rebuilt_total")))
                .optional();
    }
}
