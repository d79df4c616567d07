package dev.waitwell.workflows.notification;

import io.temporal.workflow.Workflow;

/** One activity, retried like an order's messages: the customer waits for this link now, not tomorrow. */
public class CustomerLinkWorkflowImpl implements CustomerLinkWorkflow {

    private final NotificationActivities notifications =
            Workflow.newActivityStub(NotificationActivities.class, MessageActivityOptions.RETRIED_FOR_AN_HOUR);

    @Override
    public NotificationResult resend(CustomerLinkResend request) {
        return notifications.notify(request.notification());
    }
}
