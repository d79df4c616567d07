package dev.waitwell.api.product;

import dev.waitwell.api.recovery.RecoverySweep;
import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflow;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflowIds;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A staff release marks the product released and lists its open pre-orders in {@code release_notices}, then tells
 * them and records each as told. When Temporal lost the release part-way, the product shows released (a repeated
 * request answers 409) while some pre-orders were never told: this sweep finds products with open pre-orders not
 * yet told whose {@code release-{sku}} workflow is not running and starts the release again, which tells only
 * those (marking a released product released changes nothing; an order told twice is released once).
 */
@Component
class UnfinishedReleases implements RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedReleases.class);
    private static final int BATCH = 100;
    static final String REQUESTED_BY = "recovery";

    private final JdbcClient jdbc;
    private final WorkflowRuns runs;

    UnfinishedReleases(JdbcClient jdbc, WorkflowRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    @Override
    public String subject() {
        return "product releases Temporal lost part-way";
    }

    @Override
    public int recover(Instant before) {
        List<String> skus = jdbc.sql("""
                SELECT DISTINCT n.sku FROM release_notices n JOIN orders o ON o.order_id = n.order_id
                 WHERE n.told_at IS NULL AND n.listed_at < ? AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                 ORDER BY n.sku LIMIT ?""")
                .params(Timestamp.from(before), BATCH)
                .query(String.class)
                .list();
        int started = 0;
        for (String sku : skus) {
            String workflowId = ProductReleaseWorkflowIds.of(sku);
            ReleaseRequest request = new ReleaseRequest(sku, REQUESTED_BY);
            if (runs.startAgainUnlessRunning(
                    workflowId,
                    ProductReleaseWorkflow.class,
                    release -> WorkflowClient.start(release::release, request))) {
                log.info("Product {}: release {} started again for the pre-orders not yet told", sku, workflowId);
                started++;
            }
        }
        return started;
    }
}
