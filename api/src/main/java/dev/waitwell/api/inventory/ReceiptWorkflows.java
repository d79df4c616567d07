package dev.waitwell.api.inventory;

import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.ReceiptResult;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockReceiptWorkflow;
import dev.waitwell.workflows.shared.Refusal;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's side of the receipt workflow: starts it (or joins the one running for the same receipt) and waits,
 * a bounded time, for its allocation to commit. A receipt the workflow refuses is answered through
 * {@link BusinessProblems}; one whose workflow has closed is answered from the database by the caller, except a run
 * terminated part-way, which is run again (recording a receipt is idempotent by its reference).
 */
@Component
class ReceiptWorkflows {

    static final String AWAIT_ALLOCATION = "awaitAllocation";

    private static final Logger log = LoggerFactory.getLogger(ReceiptWorkflows.class);
    private static final Duration ALLOCATION_WAIT = Duration.ofSeconds(30);
    private static final Duration RESULT_WAIT = Duration.ofSeconds(5);

    private final WorkflowClient client;

    ReceiptWorkflows(WorkflowClient client) {
        this.client = client;
    }

    /**
     * The receipt's outcome once allocated, or empty when its workflow closed before this request could ask
     * (the receipt was recorded earlier, or refused: see {@link #refusalOfClosed}).
     *
     * @throws ApiException the refusal's problem when the workflow refuses the receipt, 503 when it does not
     *     answer in time
     */
    Optional<ReceiptOutcome> receive(StockReceipt receipt) {
        String workflowId = AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference());
        StockReceiptWorkflow workflow = client.newWorkflowStub(
                StockReceiptWorkflow.class, StartOnce.options(workflowId).build());
        try {
            WorkflowClient.start(workflow::receive, receipt);
        } catch (WorkflowExecutionAlreadyStarted closed) {
            if (!WorkflowRuns.stoppedPartWay(client, workflowId)) {
                return Optional.empty();
            }
            // Terminated by hand before it answered: recording the receipt is idempotent, so it runs again.
            WorkflowClient.start(
                    client.newWorkflowStub(
                            StockReceiptWorkflow.class,
                            StartOnce.optionsAllowingRerun(workflowId).build())::receive,
                    receipt);
        }
        try {
            return Optional.of(recorded(WorkflowCalls.bounded(
                    () -> client.newUntypedWorkflowStub(workflowId)
                            .startUpdate(AWAIT_ALLOCATION, WorkflowUpdateStage.COMPLETED, ReceiptResult.class)
                            .getResult(),
                    ALLOCATION_WAIT)));
        } catch (WorkflowUpdateException failed) {
            // Only a workflow started before refusals were answered fails the update; its own failure says why.
            throw refusalOfClosed(workflowId);
        } catch (TimeoutException slow) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The receipt's workflow " + workflowId + " did not allocate within " + ALLOCATION_WAIT.toSeconds()
                            + " s; it carries on. Send the same receipt again to read its outcome.");
        } catch (WorkflowException closedMeanwhile) {
            log.info(
                    "Receipt workflow {} closed before its outcome was asked: {}",
                    workflowId,
                    closedMeanwhile.toString());
            return resultOfClosed(workflowId);
        }
    }

    /**
     * The outcome of a receipt workflow that finished before the update reached it: its result says whether it
     * recorded the receipt (a new one), found it recorded, or refused it; empty when it has no result.
     */
    private Optional<ReceiptOutcome> resultOfClosed(String workflowId) {
        ReceiptResult result;
        try {
            result = client.newUntypedWorkflowStub(workflowId)
                    .getResult(RESULT_WAIT.toSeconds(), TimeUnit.SECONDS, ReceiptResult.class);
        } catch (TimeoutException | RuntimeException noResult) {
            log.info("Receipt workflow {} has no result: {}", workflowId, noResult.toString());
            return Optional.empty();
        }
        return Optional.of(recorded(result));
    }

    /** Why the closed workflow of a receipt that was never recorded refused it, as the problem to answer. */
    ApiException refusalOfClosed(StockReceipt receipt) {
        return refusalOfClosed(AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference()));
    }

    private ApiException refusalOfClosed(String workflowId) {
        try {
            Refusal refused = client.newUntypedWorkflowStub(workflowId)
                    .getResult(RESULT_WAIT.toSeconds(), TimeUnit.SECONDS, ReceiptResult.class)
                    .refused();
            if (refused != null) {
                return BusinessProblems.of(refused);
            }
        } catch (WorkflowFailedException failed) {
            Optional<Refusal> refused = Refusal.of(failed);
            if (refused.isPresent()) {
                return BusinessProblems.of(refused.get().failure(), withoutTypeBeforeVersion1(refused.get()));
            }
            log.warn("Receipt workflow {} failed", workflowId, failed);
        } catch (TimeoutException | RuntimeException unknown) {
            log.warn("Receipt workflow {} gave no result: {}", workflowId, unknown.toString());
        }
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemCodes.WORKFLOW_UNAVAILABLE,
                "The receipt's " + "workflow " + workflowId + " has closed without recording it; use a new reference.");
    }

    private static ReceiptOutcome recorded(ReceiptResult result) {
        if (result.refused() != null) {
            throw BusinessProblems.of(result.refused());
        }
        return result.recorded();
    }

    /**
     * A workflow that refused a receipt before the refusal became its result failed, with its type (kept by the
     * failure) also in front of its message. Drop this once those workflows are past the namespace's retention.
     */
    private static String withoutTypeBeforeVersion1(Refusal refused) {
        String prefix = refused.failure().name() + ": ";
        return refused.message().startsWith(prefix) ? refused.message().substring(prefix.length()) : refused.message();
    }
}
