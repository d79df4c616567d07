package dev.waitwell.workflows.preorder;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories that {@link ProductReleaseWorkflowReplayTest} replays. Run it before a change to the
 * release workflow, never after, and commit the files:
 * {@code ./mvnw -pl workflows test -Dtest=ReleaseHistoryRecorder -Dwaitwell.record-histories=true}.
 */
@EnabledIfSystemProperty(named = "waitwell.record-histories", matches = "true")
class ReleaseHistoryRecorder {

    static final Path HISTORIES = Path.of("src/test/resources/histories/release");

    /** The prefix of the files this run writes: bump it with every {@code Workflow.getVersion} change. */
    static final String RECORDING = "v3";

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ProductReleaseWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(new Releases(client));
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void releaseToldTwoPreordersAndFoundOneGone() throws Exception {
        for (String orderId : List.of("history-p-1", "history-p-2")) {
            OrderWorkflow order = client.newWorkflowStub(
                    OrderWorkflow.class,
                    WorkflowOptions.newBuilder(options)
                            .setWorkflowId(OrderWorkflowIds.of(orderId))
                            .build());
            WorkflowClient.start(order::fulfil, null);
        }
        String workflowId = ProductReleaseWorkflowIds.of("CAM-H");
        client.newWorkflowStub(
                        ProductReleaseWorkflow.class,
                        WorkflowOptions.newBuilder(options)
                                .setWorkflowId(workflowId)
                                .build())
                .release(new ReleaseRequest("CAM-H", "admin"));
        Files.createDirectories(HISTORIES);
        Files.writeString(
                HISTORIES.resolve(RECORDING + "-told-two-one-gone.json"),
                client.fetchHistory(workflowId).toJson(true));
    }

    /** Three open pre-orders, {@code history-p-3} without a workflow; no stock on hand to allocate. */
    static class Releases implements ReleaseActivities {

        private final WorkflowClient client;

        Releases(WorkflowClient client) {
            this.client = client;
        }

        @Override
        public ReleasedProduct markReleased(ReleaseRequest request) {
            return new ReleasedProduct(request.sku(), List.of("history-p-1", "history-p-2", "history-p-3"), null);
        }

        @Override
        public void ordersTold(ReleaseNotices told) {}

        @Override
        public int tellOrders(ReleaseNotices notices) {
            return SignalledOrders.tell(client, notices.orderIds());
        }
    }
}
