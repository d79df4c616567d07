package dev.waitwell.api.payment;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflow;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts the reconciliation of a charge's refunds that the processor reported (a refund made in Stripe's
 * dashboard, say): a {@code refund-reconciliation-{eventId}} workflow on the worker, once per event however often
 * the event is delivered. The worker records each refund Waitwell has not, with its ledger entry and audit row.
 */
@Component
class RefundReconciliations {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciliations.class);
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    private final WorkflowClient client;

    RefundReconciliations(WorkflowClient client) {
        this.client = client;
    }

    /** @throws ApiException 503 WORKFLOW_UNAVAILABLE when Temporal does not take the start */
    void start(String chargeReference, String eventId) {
        String workflowId = RefundReconciliationWorkflowIds.of(eventId);
        RefundReconciliationWorkflow workflow = client.newWorkflowStub(
                RefundReconciliationWorkflow.class,
                StartOnce.options(workflowId)
                        .setStaticSummary("Refunds of " + chargeReference + " reported by " + eventId)
                        .build());
        try {
            WorkflowCalls.bounded(
                    () -> WorkflowClient.start(workflow::reconcile, new RefundReconciliation(chargeReference, eventId)),
                    START_WAIT);
            log.info("Refunds of {} reported by {}: reconciliation {} started", chargeReference, eventId, workflowId);
        } catch (WorkflowExecutionAlreadyStarted done) {
            log.debug("Reconciliation {} ran already", workflowId);
        } catch (TimeoutException | RuntimeException failed) {
            log.error("Reconciliation {} of {} could not be started", workflowId, chargeReference, failed);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The refunds could not be reconciled now; nothing was recorded. Try again.");
        }
    }
}
