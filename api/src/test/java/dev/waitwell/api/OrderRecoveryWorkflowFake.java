package dev.waitwell.api;

import dev.waitwell.workflows.recovery.OrderRecoveryActivities;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflow;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Support's rebuild as the worker runs it, one activity ({@link RecoveryActivitiesFake}), except for orders whose
 * id starts with {@link #STALLING}: their rebuild never answers, as with a worker that is away.
 */
public class OrderRecoveryWorkflowFake implements OrderRecoveryWorkflow {

    public static final String STALLING = "stall-";

    private final OrderRecoveryActivities activities = Workflow.newActivityStub(
            OrderRecoveryActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                    .setRetryOptions(
                            RetryOptions.newBuilder().setMaximumAttempts(1).build())
                    .build());

    @Override
    public RebuildResult rebuild(RebuildRequest request) {
        if (request.orderId().startsWith(STALLING)) {
            Workflow.await(() -> false);
        }
        return activities.rebuild(request);
    }
}
