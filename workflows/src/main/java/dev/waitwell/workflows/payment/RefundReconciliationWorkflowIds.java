package dev.waitwell.workflows.payment;

/** The one place refund reconciliation workflow ids are made: {@code refund-reconciliation-{eventId}}. */
public final class RefundReconciliationWorkflowIds {

    private RefundReconciliationWorkflowIds() {}

    public static String of(String eventId) {
        return "refund-reconciliation-" + eventId;
    }
}
