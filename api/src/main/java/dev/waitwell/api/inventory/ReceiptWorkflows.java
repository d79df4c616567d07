package dev.waitwell.api.inventory;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockReceiptWorkflow;
import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's side of the receipt workflow: starts it (or joins the one running for the same receipt) and waits,
 * a bounded time, for its allocation to commit. A receipt whose workflow has closed is answered from the
 * database by the caller.
 */
@Component
class ReceiptWorkflows {

    static final String AWAIT_ALLOCATION = "awaitAllocation";

    private static final Logger log = LoggerFactory.getLogger(ReceiptWorkflows.class);
    private static final Duration ALLOCATION_WAIT = Duration.ofSeconds(30);
    private static final Duration RESULT_WAIT = Duration.ofSeconds(5);

    /** The workflow's refusals, by the type its message starts with. */
    private static final Map<String, HttpStatus> REFUSALS = Map.of(
            ProblemCodes.PRODUCT_NOT_FOUND, HttpStatus.NOT_FOUND,
            ProblemCodes.PURCHASE_ORDER_NOT_FOUND, HttpStatus.NOT_FOUND,
            ProblemCodes.RECEIPT_EXCEEDS_PURCHASE_ORDER, HttpStatus.CONFLICT,
            ProblemCodes.RECEIPT_CONFLICT, HttpStatus.CONFLICT);

    private final WorkflowClient client;

    ReceiptWorkflows(WorkflowClient client) {
        this.client = client;
    }

    /**
     * The receipt's outcome once allocated, or empty when its workflow closed before this request could ask
     * (the receipt was recorded earlier, or refused: see {@link #refusalOfClosed}).
     *
     * @throws ApiException 404/409 with the workflow's code when it refuses the receipt, 503 when it does not
     *     answer in time
     */
    Optional<ReceiptOutcome> receive(StockReceipt receipt) {
        String workflowId = AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference());
        StockReceiptWorkflow workflow = client.newWorkflowStub(StockReceiptWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.ORDERS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
        try {
            WorkflowClient.start(workflow::receive, receipt);
        } catch (WorkflowExecutionAlreadyStarted closed) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorkflowCalls.bounded(() -> client.newUntypedWorkflowStub(workflowId)
                    .startUpdate(AWAIT_ALLOCATION, WorkflowUpdateStage.COMPLETED, ReceiptOutcome.class)
                    .getResult(), ALLOCATION_WAIT));
        } catch (WorkflowUpdateException refused) {
            throw refusal(WorkflowCalls.reason(refused, "The receipt was refused."));
        } catch (TimeoutException slow) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The receipt's workflow " + workflowId + " did not allocate within " + ALLOCATION_WAIT.toSeconds()
                            + " s; it carries on. Send the same receipt again to read its outcome.");
        } catch (WorkflowException closedMeanwhile) {
            log.info("Receipt workflow {} closed before its outcome was asked: {}", workflowId, closedMeanwhile.toString());
            return resultOfClosed(workflowId);
        }
    }

    /**
     * The outcome of a receipt workflow that finished before the update reached it: its result says whether it
     * recorded the receipt (a new one) or found it recorded; empty when it failed (the caller reads why).
     */
    private Optional<ReceiptOutcome> resultOfClosed(String workflowId) {
        try {
            return Optional.of(client.newUntypedWorkflowStub(workflowId).getResult(RESULT_WAIT.toSeconds(),
                    TimeUnit.SECONDS, ReceiptOutcome.class));
        } catch (TimeoutException | RuntimeException noResult) {
            log.info("Receipt workflow {} has no result: {}", workflowId, noResult.toString());
            return Optional.empty();
        }
    }

    /** Why the closed workflow of a receipt that was never recorded failed, as the problem to answer. */
    ApiException refusalOfClosed(StockReceipt receipt) {
        String workflowId = AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference());
        try {
            client.newUntypedWorkflowStub(workflowId).getResult(RESULT_WAIT.toSeconds(), TimeUnit.SECONDS,
                    ReceiptOutcome.class);
        } catch (WorkflowFailedException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ApplicationFailure failure && failure.getOriginalMessage() != null) {
                return refusal(failure.getOriginalMessage());
            }
            log.warn("Receipt workflow {} failed", workflowId, failed);
        } catch (TimeoutException | RuntimeException unknown) {
            log.warn("Receipt workflow {} gave no result: {}", workflowId, unknown.toString());
        }
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.WORKFLOW_UNAVAILABLE, "The receipt's "
                + "workflow " + workflowId + " has closed without recording it; use a new reference.");
    }

    private static ApiException refusal(String message) {
        int colon = message.indexOf(':');
        String type = colon > 0 ? message.substring(0, colon) : "";
        HttpStatus status = REFUSALS.get(type);
        if (status == null) {
            return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                    "The receipt's workflow failed: " + message);
        }
        return new ApiException(status, type, message.substring(colon + 1).strip());
    }
}
