package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.OrderWorkflowStandIn;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories that {@link PromiseReviewWorkflowReplayTest} replays. Run it before a change to the
 * review workflow, never after, and commit the files:
 * {@code ./mvnw -pl workflows test -Dtest=ReviewHistoryRecorder -Dwaitwell.record-histories=true}.
 */
@EnabledIfSystemProperty(named = "waitwell.record-histories", matches = "true")
class ReviewHistoryRecorder {

    static final Path HISTORIES = Path.of("src/test/resources/histories/review");

    /** The prefix of the files this run writes: bump it with every {@code Workflow.getVersion} change. */
    static final String RECORDING = "v1";

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(PromiseReviewWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(new Reviews());
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void reviewToldTwoOrdersAndFoundOneGone() throws Exception {
        for (String orderId : List.of("history-c-1", "history-c-2")) {
            OrderWorkflow order = client.newWorkflowStub(
                    OrderWorkflow.class,
                    WorkflowOptions.newBuilder(options)
                            .setWorkflowId(OrderWorkflowIds.of(orderId))
                            .build());
            WorkflowClient.start(order::fulfil, null);
        }
        String workflowId = PromiseReviewWorkflowIds.of("history-1");
        client.newWorkflowStub(
                        PromiseReviewWorkflow.class,
                        WorkflowOptions.newBuilder(options)
                                .setWorkflowId(workflowId)
                                .build())
                .review(new PromiseReview("history-1", "CAM-H", "the supplier moved"));
        Files.createDirectories(HISTORIES);
        Files.writeString(
                HISTORIES.resolve(RECORDING + "-told-two-one-gone.json"),
                client.fetchHistory(workflowId).toJson(true));
    }

    /** Three changes, one page; {@code history-c-3} has no workflow. */
    static class Reviews implements PromiseReviewActivities {

        @Override
        public PromiseReviewOutcome review(PromiseReview review) {
            return new PromiseReviewOutcome(review.reviewId(), review.sku(), 3);
        }

        @Override
        public List<PendingPromiseChange> changes(PromiseChangePage page) {
            if (page.afterId() > 0) {
                return List.of();
            }
            return List.of(change(1, "history-c-1"), change(2, "history-c-2"), change(3, "history-c-3"));
        }

        @Override
        public void changesTold(PromiseChangesTold told) {}

        private static PendingPromiseChange change(long id, String orderId) {
            return new PendingPromiseChange(
                    id,
                    orderId,
                    new PromiseChange("review/history-1", LocalDate.of(2030, 1, 15), null, "the supplier moved"));
        }
    }
}
