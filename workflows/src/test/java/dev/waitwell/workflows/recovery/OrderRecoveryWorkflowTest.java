package dev.waitwell.workflows.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderRecoveryWorkflowTest {

    private static final RebuildRequest REQUEST = new RebuildRequest("o-1", RebuildTrigger.SUPPORT, "ada");

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(OrderRecoveryWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakeRebuild rebuild = new FakeRebuild();
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(rebuild);
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void answersWhatTheRebuildDid() {
        RebuildResult rebuilt = new RebuildResult(
                RebuildResult.Outcome.REBUILT, "o-1", "AWAITING_STOCK", Instant.EPOCH, "run-2", "Rebuilt");
        rebuild.answer = rebuilt;

        assertThat(workflow().rebuild(REQUEST)).isEqualTo(rebuilt);
        assertThat(rebuild.received).isEqualTo(REQUEST);
    }

    @Test
    void triesAFewTimesThenGivesUpSoThatSupportHearsSoon() {
        rebuild.failures = Integer.MAX_VALUE;

        assertThatThrownBy(() -> workflow().rebuild(REQUEST)).isInstanceOf(WorkflowFailedException.class);
        assertThat(rebuild.attempts).hasValue(3);
    }

    private OrderRecoveryWorkflow workflow() {
        return client.newWorkflowStub(OrderRecoveryWorkflow.class, options);
    }

    static final class FakeRebuild implements OrderRecoveryActivities {
        final AtomicInteger attempts = new AtomicInteger();
        volatile RebuildResult answer;
        volatile RebuildRequest received;
        volatile int failures;

        @Override
        public RebuildResult rebuild(RebuildRequest request) {
            received = request;
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("database down");
            }
            return answer;
        }
    }
}
