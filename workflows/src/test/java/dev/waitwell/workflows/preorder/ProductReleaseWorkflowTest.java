package dev.waitwell.workflows.preorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.OrderWorkflowStandIn;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductReleaseWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ProductReleaseWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private final List<String> ordersTold = new java.util.concurrent.CopyOnWriteArrayList<>();
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        // o-3 never started: an order that closed between the listing and the signal.
        worker.registerActivitiesImplementations(new ReleaseActivities() {
            @Override
            public ReleasedProduct markReleased(ReleaseRequest request) {
                return new ReleasedProduct(request.sku(), List.of("o-1", "o-2", "o-3"), null);
            }

            @Override
            public void ordersTold(ReleaseNotices told) {
                ordersTold.addAll(told.orderIds());
            }

            @Override
            public int tellOrders(ReleaseNotices notices) {
                int closed = SignalledOrders.tell(client, notices.orderIds());
                ordersTold(notices);
                return closed;
            }
        });
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void tellsEveryOpenPreorderAndCountsTheOnesAlreadyClosed() {
        OrderWorkflow first = startListener("o-1");
        OrderWorkflow second = startListener("o-2");
        ProductReleaseWorkflow release = client.newWorkflowStub(
                ProductReleaseWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(ProductReleaseWorkflowIds.of("CAM-1"))
                        .build());

        ReleaseOutcome outcome = release.release(new ReleaseRequest("CAM-1", "admin"));

        assertThat(outcome).isEqualTo(new ReleaseOutcome("CAM-1", 2, 1));
        assertThat(first.state().released()).isTrue();
        assertThat(second.state().released()).isTrue();
        assertThat(ordersTold)
                .as("o-3's workflow is gone: its rebuild reads the release, nothing is left to tell")
                .containsExactly("o-1", "o-2", "o-3");
    }

    private OrderWorkflow startListener(String orderId) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        WorkflowClient.start(order::fulfil, null);
        return order;
    }
}
