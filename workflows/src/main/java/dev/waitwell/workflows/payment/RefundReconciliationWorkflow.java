package dev.waitwell.workflows.payment;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Records refunds the processor reports that Waitwell did not make (a refund in the Stripe dashboard): each once,
 * with its ledger entry and an audit row, whatever the retries. Started by the API's webhook, once per event:
 * workflow id {@link RefundReconciliationWorkflowIds#of}.
 */
@WorkflowInterface
public interface RefundReconciliationWorkflow {

    @WorkflowMethod
    ReconciledRefunds reconcile(RefundReconciliation reconciliation);
}
