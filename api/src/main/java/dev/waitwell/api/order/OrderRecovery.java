package dev.waitwell.api.order;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflow;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflowIds;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Support's rebuild of one order at once: the worker's {@link OrderRecoveryWorkflow} does what its reconciler does
 * for the order (the worker holds the database reading and the rebuild), and the API waits a bounded time for
 * what it did. Every request runs under its own workflow id, so a second request is a second, harmless look.
 */
@Service
class OrderRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrderRecovery.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final String REQUESTED = "ORDER_REBUILD_REQUESTED";

    private final WorkflowClient client;
    private final Orders orders;
    private final StaffActions staffActions;
    private final Duration wait;

    OrderRecovery(WorkflowClient client, Orders orders, StaffActions staffActions, RebuildProperties properties) {
        this.client = client;
        this.orders = orders;
        this.staffActions = staffActions;
        this.wait = properties.rebuildWait();
    }

    /**
     * @throws ApiException 404 ORDER_NOT_FOUND, 409 WORKFLOW_RUNNING or ORDER_FINISHED when there is nothing to
     *     rebuild, 503 WORKFLOW_UNAVAILABLE when the worker did not answer in time
     */
    RecoveryView rebuild(String orderId, String reason, String username) {
        if (!orders.exists(orderId)) {
            throw OrderQueries.notFound(orderId);
        }
        String workflowId =
                OrderRecoveryWorkflowIds.of(orderId, UUID.randomUUID().toString());
        RebuildResult result;
        try {
            result = run(workflowId, new RebuildRequest(orderId, RebuildTrigger.SUPPORT, username));
        } catch (TimeoutException | RuntimeException noAnswer) {
            staffActions.record(StaffAction.onOrder(
                    username, REQUESTED, orderId, reason, "no answer from " + workflowId + ": " + noAnswer));
            log.warn("Order {}: the rebuild {} gave no answer: {}", orderId, workflowId, noAnswer.toString());
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The rebuild of order " + orderId + " got no answer within " + wait.toSeconds() + " s (the "
                            + "worker or Temporal is away or slow); it may still happen. Read the order "
                            + "(lastRebuiltAt) before asking again.");
        }
        staffActions.record(StaffAction.onOrder(username, REQUESTED, orderId, reason, summary(result)));
        log.info("Order {}: rebuild asked by {}: {}", orderId, username, summary(result));
        return answer(result);
    }

    private static RecoveryView answer(RebuildResult result) {
        return switch (result.outcome()) {
            case REBUILT -> RecoveryView.of(result);
            case RUNNING ->
                throw ApiException.conflict(
                        ProblemCodes.WORKFLOW_RUNNING, "The order's workflow is running; nothing to rebuild.");
            case FINISHED ->
                throw ApiException.conflict(
                        ProblemCodes.ORDER_FINISHED,
                        "Order " + result.orderId() + " is " + result.status() + ": it never runs again.");
            case NOT_FOUND -> throw OrderQueries.notFound(result.orderId());
        };
    }

    /**
     * Starts the worker's rebuild and waits for it by describing the run rather than by a blocking result call,
     * which would hold a long poll open on the frontend (and, on the Temporal test service, let its clock skip
     * ahead for every other workflow).
     */
    private RebuildResult run(String workflowId, RebuildRequest request) throws TimeoutException {
        OrderRecoveryWorkflow recovery = client.newWorkflowStub(
                OrderRecoveryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(TaskQueues.ORDERS)
                        // Support asked and gave up: a rebuild nobody waits for is the reconciler's again.
                        .setWorkflowExecutionTimeout(ABANDONED_AFTER)
                        .build());
        WorkflowClient.start(recovery::rebuild, request);
        WorkflowStub stub = WorkflowStub.fromTyped(recovery);
        Instant deadline = Instant.now().plus(wait);
        while (stub.describe().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("no answer within " + wait);
            }
            sleep();
        }
        return stub.getResult(RebuildResult.class);
    }

    private static String summary(RebuildResult result) {
        return result.outcome() + (result.runId() == null ? "" : " run " + result.runId());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild", e);
        }
    }
}
