package dev.waitwell.local;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * The smallest workflow shaped like an order on launch day, for {@link RawTemporalCeiling}: it starts and answers
 * an update in its first task (as checkout waits for an order's first task), waits for a fact to be signalled (as a
 * pre-order waits for its release), then runs one activity and completes. It does nothing else, so what it costs is
 * Temporal's own price for those steps. Public, as is its implementation, because the SDK proxies and instantiates
 * them.
 */
@WorkflowInterface
public interface CeilingWorkflow {

    @WorkflowMethod
    void run();

    /** Answers as soon as the workflow's first task runs. */
    @UpdateMethod
    void confirm();

    @SignalMethod
    void released();

    final class Impl implements CeilingWorkflow {

        private final CeilingActivity activity = Workflow.newActivityStub(
                CeilingActivity.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());
        private boolean released;

        @Override
        public void run() {
            Workflow.await(() -> released);
            activity.step();
        }

        @Override
        public void confirm() {}

        @Override
        public void released() {
            released = true;
        }
    }
}
