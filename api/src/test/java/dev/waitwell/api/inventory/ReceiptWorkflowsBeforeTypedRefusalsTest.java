package dev.waitwell.api.inventory;

import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import dev.waitwell.workflows.inventory.StockReceipt;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Receipt workflows started before their refusal became a typed result (receipt-typed-refusal version 1) failed
 * the update and the workflow, the type in front of the message. While a deployment lets such a workflow finish,
 * and for as long as the closed ones are kept, the API answers them as it always did.
 */
@ApiTest
class ReceiptWorkflowsBeforeTypedRefusalsTest {

    private static final String QUEUE = "receipts-before-typed-refusals";

    @Autowired
    TestWorkflowEnvironment environment;

    private WorkerFactory workers;

    /** The receipt workflow as it refused a receipt before version 1, for a receipt of an unknown product. */
    @WorkflowInterface
    public interface ReceiptBeforeVersion1 {

        @WorkflowMethod
        void receive(String sku);

        @UpdateMethod
        void awaitAllocation();
    }

    public static class ReceiptBeforeVersion1Impl implements ReceiptBeforeVersion1 {

        private ApplicationFailure refusal;
        private boolean asked;

        @Override
        public void receive(String sku) {
            Workflow.await(() -> asked);
            refusal = ApplicationFailure.newNonRetryableFailure(
                    "PRODUCT_NOT_FOUND: No product " + sku, "PRODUCT_NOT_FOUND");
            Workflow.await(Workflow::isEveryHandlerFinished);
            throw refusal;
        }

        @Override
        public void awaitAllocation() {
            asked = true;
            Workflow.await(() -> refusal != null);
            throw refusal;
        }
    }

    @BeforeEach
    void startAWorkerOfTheOldVersion() {
        workers = WorkerFactory.newInstance(environment.getWorkflowClient());
        workers.newWorker(QUEUE).registerWorkflowImplementationTypes(ReceiptBeforeVersion1Impl.class);
        workers.start();
    }

    @AfterEach
    void stopIt() {
        workers.shutdownNow();
    }

    @Test
    void answersARefusalOfAWorkflowFromBeforeTypedRefusalsWithItsCodeAndWordsWhileItRunsAndOnceClosed() {
        String sku = unique("OLD");
        StockReceipt receipt = new StockReceipt(sku, 2, unique("GRN"), null, "admin");
        WorkflowClient client = environment.getWorkflowClient();
        ReceiptBeforeVersion1 running = client.newWorkflowStub(
                ReceiptBeforeVersion1.class,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(QUEUE)
                        .setWorkflowId(AllocationWorkflowIds.receipt(receipt.sku(), receipt.reference()))
                        .build());
        WorkflowClient.start(running::receive, sku);
        ReceiptWorkflows workflows = new ReceiptWorkflows(client);

        assertThatThrownBy(() -> workflows.receive(receipt))
                .as("the update fails, as it did before version 1")
                .isInstanceOfSatisfying(ApiException.class, this::isTheRefusal);
        assertThat(workflows.receive(receipt))
                .as("closed now: the caller asks why")
                .isEmpty();
        isTheRefusal(workflows.refusalOfClosed(receipt));
    }

    private void isTheRefusal(ApiException refused) {
        assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(refused.getMessage()).startsWith("No product OLD");
    }
}
