package dev.waitwell.activities.recovery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code workflow_reconciles} table: one row per pass of the worker's reconciler. */
@Component
public class ReconcilePasses {

    /**
     * One pass.
     *
     * @param openOrders open orders checked
     * @param withoutWorkflow of those, the ones Temporal did not run
     * @param rebuilt the ones rebuilt
     * @param failed the ones that could not be checked or rebuilt (logged)
     */
    public record ReconcilePass(
            Instant startedAt, Instant finishedAt, int openOrders, int withoutWorkflow, int rebuilt, int failed) {}

    private final JdbcClient jdbc;

    public ReconcilePasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ReconcilePass pass) {
        jdbc.sql("""
                        INSERT INTO workflow_reconciles (started_at, finished_at, open_orders, without_workflow,
                                                         rebuilt, failed)
                        VALUES (:startedAt, :finishedAt, :openOrders, :withoutWorkflow, :rebuilt, :failed)""")
                .param("startedAt", OffsetDateTime.ofInstant(pass.startedAt(), ZoneOffset.UTC))
                .param("finishedAt", OffsetDateTime.ofInstant(pass.finishedAt(), ZoneOffset.UTC))
                .param("openOrders", pass.openOrders())
                .param("withoutWorkflow", pass.withoutWorkflow())
                .param("rebuilt", pass.rebuilt())
                .param("failed", pass.failed())
                .update();
    }

    /** The latest pass, by any worker. */
    public Optional<ReconcilePass> latest() {
        return jdbc.sql("""
                        SELECT started_at, finished_at, open_orders, without_workflow, rebuilt, failed
                          FROM workflow_reconciles ORDER BY finished_at DESC, id DESC LIMIT 1""")
                .query((rs, n) -> new ReconcilePass(
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("open_orders"),
                        rs.getInt("without_workflow"),
                        rs.getInt("rebuilt"),
                        rs.getInt("failed")))
                .optional();
    }
}
