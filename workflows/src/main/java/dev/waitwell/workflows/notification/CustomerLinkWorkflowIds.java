package dev.waitwell.workflows.notification;

/**
 * The one place the ids of {@link CustomerLinkWorkflow} are made: {@code customer-link-{orderId}-{staffActionId}},
 * the order and support's audited request.
 */
public final class CustomerLinkWorkflowIds {

    private CustomerLinkWorkflowIds() {}

    public static String of(String orderId, long staffActionId) {
        return "customer-link-" + orderId + "-" + staffActionId;
    }
}
