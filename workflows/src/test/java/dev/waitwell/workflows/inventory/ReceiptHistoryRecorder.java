package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.OrderWorkflowStandIn;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories that {@link StockReceiptWorkflowReplayTest} replays. Run it before a change to the
 * receipt workflow, never after, and commit the files:
 * {@code ./mvnw -pl workflows test -Dtest=ReceiptHistoryRecorder -Dwaitwell.record-histories=true}. Each
 * scenario asks {@code awaitAllocation} while the receipt's activity runs, as the API does, so the update is
 * in every history.
 */
@EnabledIfSystemProperty(named = "waitwell.record-histories", matches = "true")
class ReceiptHistoryRecorder {

    static final Path HISTORIES = Path.of("src/test/resources/histories/receipt");

    /** The prefix of the files this run writes: bump it with every {@code Workflow.getVersion} change. */
    static final String RECORDING = "v1";

    private static final int ORDERS = 3;

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(
                    StockReceiptWorkflowImpl.class, AllocationFanOutWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private final GatedStock stock = new GatedStock();
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(stock);
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void receiptRecordedAndAllocatedToThreeOrders() throws Exception {
        for (int i = 0; i < ORDERS; i++) {
            OrderWorkflow order = client.newWorkflowStub(
                    OrderWorkflow.class,
                    WorkflowOptions.newBuilder(options)
                            .setWorkflowId(OrderWorkflowIds.of("history-r-" + i))
                            .build());
            WorkflowClient.start(order::fulfil, null);
        }
        record("received-allocated-told", new StockReceipt("CAM-1", ORDERS, "GRN-HISTORY-1", null, "admin"));
    }

    @Test
    void receiptOfAnUnknownProductRefused() throws Exception {
        record("unknown-product-refused", new StockReceipt(GatedStock.UNKNOWN, 2, "GRN-HISTORY-2", null, "admin"));
    }

    private void record(String name, StockReceipt receipt) throws Exception {
        String workflowId = AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference());
        StockReceiptWorkflow workflow = client.newWorkflowStub(
                StockReceiptWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build());
        WorkflowClient.start(workflow::receive, receipt);
        WorkflowStub stub = WorkflowStub.fromTyped(workflow);
        WorkflowUpdateHandle<Object> update =
                stub.startUpdate("awaitAllocation", WorkflowUpdateStage.ACCEPTED, Object.class);
        stock.open();
        try {
            update.getResultAsync().get(10, TimeUnit.SECONDS);
        } catch (Exception refusedOrAnswered) {
            // the history holds whichever it was
        }
        try {
            stub.getResult(10, TimeUnit.SECONDS, Object.class);
        } catch (Exception closed) {
            // a refused receipt fails or answers, depending on the version recorded
        }
        Files.createDirectories(HISTORIES);
        Files.writeString(
                HISTORIES.resolve(RECORDING + "-" + name + ".json"),
                client.fetchHistory(workflowId).toJson(true));
    }

    /**
     * Receives only once the test has asked for the allocation, so the update is in the history before the
     * outcome. Allocates one unit to each waiting order {@code history-r-0}, ... in batch 7.
     */
    static class GatedStock implements StockActivities {

        static final String UNKNOWN = "NOPE";

        private final CountDownLatch gate = new CountDownLatch(1);

        void open() {
            gate.countDown();
        }

        @Override
        public ReceiptOutcome receive(StockReceipt receipt) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (receipt.sku().equals(UNKNOWN)) {
                throw BusinessFailure.PRODUCT_NOT_FOUND.raise("no product " + receipt.sku());
            }
            return new ReceiptOutcome(
                    11,
                    receipt.sku(),
                    receipt.quantity(),
                    receipt.reference(),
                    false,
                    new AllocationBatch(7, receipt.sku(), ORDERS, ORDERS));
        }

        @Override
        public List<PendingAllocation> allocations(AllocationPage page) {
            List<PendingAllocation> rows = new ArrayList<>();
            for (long id = page.afterAllocationId() + 1; id <= ORDERS; id++) {
                rows.add(new PendingAllocation(id, "history-r-" + (id - 1), 1));
            }
            return rows;
        }
    }
}
