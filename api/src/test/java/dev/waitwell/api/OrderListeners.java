package dev.waitwell.api;

import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseListener;
import dev.waitwell.workflows.inventory.AllocationListener;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.preorder.ReleaseListener;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Stand-ins for order workflows in tests of the work between orders (release, allocation fan-out, promise review):
 * under an order's workflow id, each keeps every signal it hears, so a test can say an order was told exactly once.
 * They run on a task queue of their own, on a worker started on the first use.
 */
public final class OrderListeners {

    static final String TASK_QUEUE = "test-order-listeners";
    private static WorkerFactory factory;

    private OrderListeners() {}

    /** An order as the work between orders sees it: it only listens. */
    @WorkflowInterface
    public interface ListeningOrder extends ReleaseListener, AllocationListener, PromiseListener {

        @WorkflowMethod
        void listen();

        /** What it heard, in order: {@code released}, {@code allocated:<allocationId>}, {@code promise:<changeId>}. */
        @QueryMethod
        List<String> heard();
    }

    public static class ListeningOrderImpl implements ListeningOrder {

        private final List<String> heard = new ArrayList<>();

        @Override
        public void listen() {
            Workflow.await(() -> false);
        }

        @Override
        public List<String> heard() {
            return heard;
        }

        @Override
        public void productReleased() {
            heard.add("released");
        }

        @Override
        public void stockAllocated(StockAllocation allocation) {
            heard.add("allocated:" + allocation.allocationId());
        }

        @Override
        public void promiseChanged(PromiseChange change) {
            heard.add("promise:" + change.changeId());
        }
    }

    /** Starts a listener under the order's workflow id. */
    public static ListeningOrder start(WorkflowClient client, String orderId) {
        return startUnder(client, OrderWorkflowIds.of(orderId));
    }

    /**
     * Starts a listener under any workflow id, and terminates it: Temporal then shows that id's run as stopped
     * part-way, as after an operator terminated the real workflow.
     */
    public static void terminatedRunOf(WorkflowClient client, String workflowId) {
        startUnder(client, workflowId);
        client.newUntypedWorkflowStub(workflowId).terminate("stopped part-way by the test");
    }

    /** Starts a listener under any workflow id: something runs under it. */
    public static synchronized ListeningOrder startUnder(WorkflowClient client, String workflowId) {
        if (factory == null) {
            factory = WorkerFactory.newInstance(client);
            factory.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(ListeningOrderImpl.class);
            factory.start();
        }
        ListeningOrder order = client.newWorkflowStub(
                ListeningOrder.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(TASK_QUEUE)
                        .build());
        WorkflowClient.start(order::listen);
        return order;
    }

    /**
     * Polls until the workflow completed. Waiting on its result would let the shared test service skip time, which
     * moves every other test's order workflows on by their timers.
     */
    public static void awaitCompleted(WorkflowClient client, String workflowId) throws InterruptedException {
        await(
                () -> client.newUntypedWorkflowStub(workflowId).describe().getStatus()
                        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
                workflowId + " did not complete");
    }

    public static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }

    /** Stops the listeners once a test is done with them. */
    public static void stop(WorkflowClient client, String... orderIds) {
        for (String orderId : orderIds) {
            client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).terminate("test done");
        }
    }
}
