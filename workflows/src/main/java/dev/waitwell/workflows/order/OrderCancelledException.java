package dev.waitwell.workflows.order;

/**
 * Unwinds the order's script from whatever step it is in once a cancellation was requested; caught in
 * {@link OrderWorkflowImpl#fulfil}, which then refunds. Never leaves the workflow.
 */
final class OrderCancelledException extends RuntimeException {

    OrderCancelledException() {
        super("order cancelled", null, false, false);
    }
}
