package dev.waitwell.api.delay;

import dev.waitwell.api.recovery.WorkflowRuns;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewWorkflow;
import dev.waitwell.workflows.delay.PromiseReviewWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.Functions;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the promise review of a product: a {@code promise-review-{reviewId}} workflow that recomputes every
 * waiting order's promise and tells the orders whose promise moved. The review id names the cause (the date
 * change row, the staff action, the receipt), so the same cause never reviews twice: starting it again joins
 * the running review or does nothing once it finished; a run terminated part-way is run again, and tells only the
 * orders not yet told. That makes a repeated request a safe way to start a review whose start failed.
 */
@Component
public class PromiseReviews {

    private static final Logger log = LoggerFactory.getLogger(PromiseReviews.class);
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private final WorkflowClient client;

    PromiseReviews(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Starts the review once the current transaction commits (the review reads what it changed), or now
     * when there is none.
     *
     * @param reason why the promises may have moved, in words the customer reads
     * @throws ApiException 503 WORKFLOW_UNAVAILABLE when Temporal does not take the start: the change itself
     *     is saved, and sending the same request again starts the review
     */
    public void startAfterCommit(String reviewId, String sku, String reason) {
        PromiseReview review = new PromiseReview(reviewId, sku, reason);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(review);
                }
            });
        } else {
            start(review);
        }
    }

    private void start(PromiseReview review) {
        String workflowId = PromiseReviewWorkflowIds.of(review.reviewId());
        try {
            WorkflowCalls.bounded(() -> startOrRerun(workflowId, review), START_WAIT);
            log.info("Promise review {} of {} started: {}", review.reviewId(), review.sku(), review.reason());
        } catch (WorkflowExecutionAlreadyStarted done) {
            log.debug("Promise review {} ran already", workflowId);
        } catch (TimeoutException | RuntimeException failed) {
            log.error("Promise review {} of {} could not be started", workflowId, review.sku(), failed);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The change is "
                            + "saved, but the review of the waiting orders' promises (" + workflowId + ") could not be "
                            + "started. Send the same request again to start it.");
        }
    }

    /** Starts the review once; a run terminated part-way is run again (the review is recorded once). */
    private WorkflowExecution startOrRerun(String workflowId, PromiseReview review) {
        try {
            return WorkflowClient.start(stub(StartOnce.options(workflowId)), review);
        } catch (WorkflowExecutionAlreadyStarted closed) {
            if (!WorkflowRuns.stoppedPartWay(client, workflowId)) {
                throw closed;
            }
            return WorkflowClient.start(stub(StartOnce.optionsAllowingRerun(workflowId)), review);
        }
    }

    private Functions.Func1<PromiseReview, Integer> stub(WorkflowOptions.Builder options) {
        return client.newWorkflowStub(PromiseReviewWorkflow.class, options.build())::review;
    }
}
