package dev.waitwell.workflows.lifecycle;

/**
 * Unwinds the order's script from whatever step it is in once a cancellation was requested
 * ({@link OrderRun#throwIfCancelled()}); the order workflow catches it and refunds. Never leaves the workflow.
 */
public final class OrderCancelled extends RuntimeException {

    OrderCancelled() {
        super("order cancelled", null, false, false);
    }
}
