package dev.waitwell.workflows.preorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.order.OrderWorkflowStandIn;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A release of more pre-orders than one run tells continues as new, each run telling only the orders the database
 * says are not told yet, and the last run's outcome counts them all.
 */
class ProductReleaseContinuesAsNewTest {

    private static final int PREORDERS = 2 * ProductReleaseWorkflowImpl.TOLD_PER_RUN + 250;

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ProductReleaseWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final AtomicInteger toldTwice = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        List<String> preorders =
                IntStream.range(0, PREORDERS).mapToObj(i -> "o-" + i).toList();
        // As the database does: every run lists the open pre-orders not told yet.
        worker.registerActivitiesImplementations(new ReleaseActivities() {
            @Override
            public ReleasedProduct markReleased(ReleaseRequest request) {
                runs.incrementAndGet();
                return new ReleasedProduct(
                        request.sku(),
                        preorders.stream().filter(id -> !told.contains(id)).toList(),
                        null);
            }

            @Override
            public void ordersTold(ReleaseNotices notices) {
                notices.orderIds().forEach(id -> {
                    if (!told.add(id)) {
                        toldTwice.incrementAndGet();
                    }
                });
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
    void continuesAsNewEveryThousandOrdersAndTellsEachOnce() {
        ProductReleaseWorkflow release = client.newWorkflowStub(
                ProductReleaseWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(ProductReleaseWorkflowIds.of("CAM-9"))
                        .build());

        ReleaseOutcome outcome = release.release(new ReleaseRequest("CAM-9", "admin"));

        assertThat(runs).as("runs of the release").hasValue(3);
        assertThat(told).hasSize(PREORDERS);
        assertThat(toldTwice).hasValue(0);
        assertThat(outcome)
                .as("no order workflow runs here, so every one counts as closed")
                .isEqualTo(new ReleaseOutcome("CAM-9", 0, PREORDERS));
    }
}
