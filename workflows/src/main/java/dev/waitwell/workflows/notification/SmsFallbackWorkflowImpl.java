package dev.waitwell.workflows.notification;

import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One activity: nothing else waits for it, so an email outage is retried far longer than an order's messages. */
public class SmsFallbackWorkflowImpl implements SmsFallbackWorkflow {

    private final SmsFallbackActivities activities = Workflow.newActivityStub(
            SmsFallbackActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setScheduleToCloseTimeout(Duration.ofDays(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .setDoNotRetry(BusinessFailure.types(BusinessFailure.NOTIFICATION_NOT_FOUND))
                            .build())
                    .build());

    @Override
    public Delivery emailInstead(SmsFallback fallback) {
        return activities.emailInstead(fallback);
    }
}
