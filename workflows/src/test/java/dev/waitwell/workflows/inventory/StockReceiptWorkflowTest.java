package dev.waitwell.workflows.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.OrderWorkflowStandIn;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.Refusal;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StockReceiptWorkflowTest {

    private static final int WAITING_ORDERS = 1_203;

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(
                    StockReceiptWorkflowImpl.class, AllocationFanOutWorkflowImpl.class, OrderWorkflowStandIn.class)
            .setDoNotStart(true)
            .build();

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(new BatchOfWaitingOrders());
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void answersTheAllocationThenTellsEveryAllocatedOrderAcrossContinueAsNew() {
        List<OrderWorkflow> orders =
                IntStream.range(0, WAITING_ORDERS).mapToObj(this::startOrder).toList();
        StockReceiptWorkflow receipt = client.newWorkflowStub(
                StockReceiptWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(AllocationWorkflowIds.receipt("CAM-1", "GRN-1"))
                        .build());

        WorkflowClient.start(receipt::receive, new StockReceipt("CAM-1", WAITING_ORDERS, "GRN-1", null, "admin"));
        ReceiptOutcome outcome = receipt.awaitAllocation().recorded();
        WorkflowStub.fromTyped(receipt).getResult(ReceiptResult.class);

        assertThat(outcome.allocation().ordersAllocated()).isEqualTo(WAITING_ORDERS);
        assertThat(orders)
                .allSatisfy(order -> assertThat(order.state().allocatedUnits()).isEqualTo(1));
        int signalled =
                client.newUntypedWorkflowStub(AllocationWorkflowIds.fanOut(9)).getResult(Integer.class);
        assertThat(signalled)
                .as("the last run's share, after continue-as-new every 4 pages")
                .isEqualTo(3);
    }

    @Test
    void answersARefusedReceiptWithTheTypedRefusalFromTheUpdateAndAsItsResult() {
        StockReceiptWorkflow receipt = client.newWorkflowStub(
                StockReceiptWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(AllocationWorkflowIds.receipt("NOPE", "GRN-2"))
                        .build());

        WorkflowClient.start(receipt::receive, new StockReceipt("NOPE", 1, "GRN-2", null, "admin"));
        ReceiptResult answered = receipt.awaitAllocation();
        ReceiptResult result = WorkflowStub.fromTyped(receipt).getResult(ReceiptResult.class);

        Refusal refusal = new Refusal(BusinessFailure.PRODUCT_NOT_FOUND, "no product NOPE");
        assertThat(answered).isEqualTo(ReceiptResult.of(refusal));
        assertThat(result).isEqualTo(ReceiptResult.of(refusal));
    }

    @Test
    void endsAReceiptTheDatabaseRefusesAfterOneAttemptInsteadOfRetryingForever() {
        StockReceiptWorkflow receipt = client.newWorkflowStub(
                StockReceiptWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(AllocationWorkflowIds.receipt("BROKEN", "GRN-3"))
                        .build());

        WorkflowClient.start(receipt::receive, new StockReceipt("BROKEN", 1, "GRN-3", null, "admin"));
        ReceiptResult result = WorkflowStub.fromTyped(receipt).getResult(ReceiptResult.class);

        assertThat(result.refused().failure()).isEqualTo(BusinessFailure.CONSTRAINT_VIOLATED);
        assertThat(BatchOfWaitingOrders.brokenAttempts.get()).isEqualTo(1);
    }

    private OrderWorkflow startOrder(int i) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of("w-" + i))
                        .build());
        WorkflowClient.start(order::fulfil, null);
        return order;
    }

    /** Batch 9 allocates one unit to each of the waiting orders w-0, w-1, ...; pages of at most 100. */
    static class BatchOfWaitingOrders implements StockActivities {

        static final AtomicInteger brokenAttempts = new AtomicInteger();

        @Override
        public ReceiptOutcome receive(StockReceipt receipt) {
            if (receipt.sku().equals("NOPE")) {
                throw BusinessFailure.PRODUCT_NOT_FOUND.raise("no product NOPE");
            }
            if (receipt.sku().equals("BROKEN")) {
                brokenAttempts.incrementAndGet();
                throw BusinessFailure.CONSTRAINT_VIOLATED.raise("products_backordered_check");
            }
            return new ReceiptOutcome(
                    1,
                    receipt.sku(),
                    receipt.quantity(),
                    receipt.reference(),
                    false,
                    new AllocationBatch(9, receipt.sku(), WAITING_ORDERS, WAITING_ORDERS));
        }

        @Override
        public List<PendingAllocation> allocations(AllocationPage page) {
            List<PendingAllocation> rows = new ArrayList<>();
            // Short pages (100 rows) so that 1,203 orders need several continue-as-new runs.
            for (long id = page.afterAllocationId() + 1;
                    id <= WAITING_ORDERS && rows.size() < Math.min(100, page.limit());
                    id++) {
                rows.add(new PendingAllocation(id, "w-" + (id - 1), 1));
            }
            return rows;
        }
    }
}
