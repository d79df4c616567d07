package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import io.temporal.workflow.Workflow;

/** One activity: it reads the processor's refunds of the charge and records those not recorded yet. */
public class RefundReconciliationWorkflowImpl implements RefundReconciliationWorkflow {

    private final PaymentActivities payments =
            Workflow.newActivityStub(PaymentActivities.class, OrderActivityOptions.DURABLE);

    @Override
    public ReconciledRefunds reconcile(RefundReconciliation reconciliation) {
        return payments.reconcileRefunds(reconciliation);
    }
}
