package dev.waitwell.workflows.notification;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One activity, retried like an order's messages: the customer waits for this link now, not tomorrow. */
public class CustomerLinkWorkflowImpl implements CustomerLinkWorkflow {

    private final NotificationActivities notifications = Workflow.newActivityStub(
            NotificationActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .setMaximumAttempts(12)
                            .build())
                    .build());

    @Override
    public NotificationResult resend(CustomerLinkResend request) {
        return notifications.notify(request.notification());
    }
}
