package dev.waitwell.workflows.shared;

/** The one place order workflow ids are made and read: {@code order-{orderId}}. */
public final class OrderWorkflowIds {

    private static final String PREFIX = "order-";

    private OrderWorkflowIds() {}

    public static String of(String orderId) {
        return PREFIX + orderId;
    }

    public static String orderIdOf(String workflowId) {
        if (!workflowId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an order workflow id: " + workflowId);
        }
        return workflowId.substring(PREFIX.length());
    }
}
