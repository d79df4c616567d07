package dev.waitwell.api;

import dev.waitwell.workflows.order.CheckoutInputs;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.recovery.OrderRecoveryActivities;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildResult.Outcome;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker's rebuild of one order, in the test database and the Temporal test service: unknown, finished or
 * running orders are left alone; any other is started again from its kept checkout input (the worker resumes it
 * from what the database records, {@code PlaceOrderInput.rebuiltFrom}; a fresh start is enough for the API's side)
 * and the rebuild is recorded as the worker records it ({@code orders.workflow_rebuilt_at}, {@code order_rebuilds}).
 */
public final class RecoveryActivitiesFake implements OrderRecoveryActivities {

    private final JdbcClient jdbc;
    private final List<RebuildRequest> requests = new CopyOnWriteArrayList<>();
    private volatile WorkflowClient client;

    RecoveryActivitiesFake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void useClient(WorkflowClient client) {
        this.client = client;
    }

    /** Every rebuild asked of the worker, oldest first. */
    public List<RebuildRequest> requests() {
        return List.copyOf(requests);
    }

    private record Row(String status, String input) {}

    @Override
    public RebuildResult rebuild(RebuildRequest request) {
        requests.add(request);
        String orderId = request.orderId();
        Optional<Row> row = jdbc.sql("SELECT status, workflow_input::text FROM orders WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .optional();
        if (row.isEmpty()) {
            return new RebuildResult(Outcome.NOT_FOUND, orderId, null, null, null, "no such order");
        }
        String status = row.get().status();
        if (status.equals("SHIPPED") || status.equals("CANCELLED")) {
            return new RebuildResult(Outcome.FINISHED, orderId, status, null, null, "the order is " + status);
        }
        if (running(orderId)) {
            return new RebuildResult(Outcome.RUNNING, orderId, status, null, null, "Temporal runs it");
        }
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                StartOnce.optionsAllowingRerun(OrderWorkflowIds.of(orderId)).build());
        WorkflowExecution run = WorkflowClient.start(
                order::fulfil, CheckoutInputs.fromJson(row.get().input()));
        OffsetDateTime rebuiltAt = jdbc.sql("""
                INSERT INTO order_rebuilds (order_id, status, trigger, requested_by, run_id)
                VALUES (?, ?, ?, ?, ?) RETURNING rebuilt_at""")
                .params(orderId, status, request.trigger().name(), request.requestedBy(), run.getRunId())
                .query(OffsetDateTime.class)
                .single();
        jdbc.sql("UPDATE orders SET workflow_rebuilt_at = ? WHERE order_id = ?")
                .params(rebuiltAt, orderId)
                .update();
        return new RebuildResult(
                Outcome.REBUILT, orderId, status, rebuiltAt.toInstant(), run.getRunId(), "resumed from the database");
    }

    private boolean running(String orderId) {
        try {
            return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                            .describe()
                            .getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException never) {
            return false;
        }
    }
}
