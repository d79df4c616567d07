package dev.waitwell.api.inventory;

import dev.waitwell.api.recovery.RecoverySweep;
import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.inventory.AllocationFanOutWorkflow;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An allocation batch (a receipt, a release, units a cancellation gave back) is told to its orders by an
 * {@code allocations-{batchId}} fan-out, which records each allocation as signalled. When Temporal lost the fan-out
 * part-way (a restart of a local dev server, a run terminated with its receipt or release), its open orders would
 * never hear of their units: this sweep finds batches with allocations of open orders not yet signalled whose
 * fan-out is not running, and starts the fan-out again under its id, which signals only those. An order told twice
 * counts the allocation once (by its id).
 */
@Component
class UnfinishedFanOuts implements RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedFanOuts.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final WorkflowRuns runs;

    UnfinishedFanOuts(JdbcClient jdbc, WorkflowRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    @Override
    public String subject() {
        return "allocation fan-outs Temporal lost part-way";
    }

    @Override
    public int recover(Instant before) {
        List<Long> batches = jdbc.sql("""
                SELECT DISTINCT a.batch_id FROM allocations a JOIN orders o ON o.order_id = a.order_id
                 WHERE a.signalled_at IS NULL AND a.created_at < ? AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                 ORDER BY a.batch_id LIMIT ?""")
                .params(Timestamp.from(before), BATCH)
                .query(Long.class)
                .list();
        int started = 0;
        for (long batchId : batches) {
            String workflowId = AllocationWorkflowIds.fanOut(batchId);
            AllocationPage firstPage = new AllocationPage(batchId, 0, AllocationFanOut.PAGE_SIZE);
            if (runs.startAgainUnlessRunning(
                    workflowId,
                    AllocationFanOutWorkflow.class,
                    fanOut -> WorkflowClient.start(fanOut::signalOrders, firstPage))) {
                log.info(
                        "Allocation batch {}: fan-out {} started again for the orders not yet told",
                        batchId,
                        workflowId);
                started++;
            }
        }
        return started;
    }
}
