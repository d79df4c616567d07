package dev.waitwell.workflows.recovery;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * One activity, short timeouts and a few retries: support waits for the answer, so a worker or database that cannot
 * rebuild now fails fast and support may ask again (a rebuild is idempotent: a second one answers {@code RUNNING}).
 */
public class OrderRecoveryWorkflowImpl implements OrderRecoveryWorkflow {

    private final OrderRecoveryActivities activities = Workflow.newActivityStub(
            OrderRecoveryActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(20))
                    .setScheduleToCloseTimeout(Duration.ofMinutes(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    @Override
    public RebuildResult rebuild(RebuildRequest request) {
        return activities.rebuild(request);
    }
}
