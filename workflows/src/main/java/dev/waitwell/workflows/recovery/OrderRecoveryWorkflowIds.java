package dev.waitwell.workflows.recovery;

/** The one place recovery workflow ids are made: {@code order-recovery-{orderId}-{requestId}}. */
public final class OrderRecoveryWorkflowIds {

    private OrderRecoveryWorkflowIds() {}

    public static String of(String orderId, String requestId) {
        return "order-recovery-" + orderId + "-" + requestId;
    }
}
