package dev.waitwell.api.inventory;

import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockReceipt;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ReceiptWorkflowsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkflowEnvironment environment;

    @Test
    void answersANewReceiptAsNewWhenItsWorkflowFinishedBeforeTheUpdateArrived() throws Exception {
        String sku = unique("LATE");
        mvc.perform(putProduct(sku, stockProduct(1_000, true, 30, null, null))).andExpect(status().isCreated());
        ReceiptWorkflows workflows = new ReceiptWorkflows(clientWhoseUpdatesArriveLate());

        Optional<ReceiptOutcome> outcome = workflows.receive(new StockReceipt(sku, 4, unique("GRN"), null, "admin"));

        assertThat(outcome).hasValueSatisfying(received -> {
            assertThat(received.duplicate()).isFalse();
            assertThat(received.quantity()).isEqualTo(4);
        });
    }

    @Test
    void runsAgainAReceiptWhoseWorkflowWasTerminatedBeforeItRecordedIt() throws Exception {
        String sku = unique("TERM");
        mvc.perform(putProduct(sku, stockProduct(1_000, true, 30, null, null))).andExpect(status().isCreated());
        StockReceipt receipt = new StockReceipt(sku, 3, unique("GRN"), null, "admin");
        WorkflowClient client = environment.getWorkflowClient();
        dev.waitwell.api.OrderListeners.terminatedRunOf(
                client, dev.waitwell.workflows.inventory.AllocationWorkflowIds.receipt(sku, receipt.reference()));

        Optional<ReceiptOutcome> outcome = new ReceiptWorkflows(client).receive(receipt);

        assertThat(outcome).hasValueSatisfying(received -> {
            assertThat(received.duplicate()).isFalse();
            assertThat(received.quantity()).isEqualTo(3);
        });
    }

    @Test
    void answersAReceiptItsWorkflowRefusesWithTheRefusalsCodeAndWords() {
        String sku = unique("GONE");
        ReceiptWorkflows workflows = new ReceiptWorkflows(environment.getWorkflowClient());

        ApiException refused = answer(workflows, new StockReceipt(sku, 2, unique("GRN"), null, "admin"));

        assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(refused.getMessage()).isEqualTo("No product " + sku);
    }

    @Test
    void answersTheSameRefusedReceiptAgainWithTheSameProblemOnceItsWorkflowClosed() {
        String sku = unique("GONE");
        StockReceipt receipt = new StockReceipt(sku, 2, unique("GRN"), null, "admin");
        ReceiptWorkflows workflows = new ReceiptWorkflows(environment.getWorkflowClient());
        answer(workflows, receipt);

        assertThat(workflows.receive(receipt))
                .as("the closed workflow is not started again")
                .isEmpty();
        ApiException refused = workflows.refusalOfClosed(receipt);

        assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(refused.getMessage()).isEqualTo("No product " + sku);
    }

    @Test
    void answersAReceiptRefusedBeforeTheUpdateArrivedWithTheSameProblem() {
        String sku = unique("GONE");
        ReceiptWorkflows workflows = new ReceiptWorkflows(clientWhoseUpdatesArriveLate());

        ApiException refused = answer(workflows, new StockReceipt(sku, 2, unique("GRN"), null, "admin"));

        assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(refused.getMessage()).isEqualTo("No product " + sku);
    }

    /** The problem a refused receipt is answered with, asked the way {@link StockReceipts} asks. */
    private static ApiException answer(ReceiptWorkflows workflows, StockReceipt receipt) {
        try {
            Optional<ReceiptOutcome> outcome = workflows.receive(receipt);
            assertThat(outcome).as("a refused receipt has no outcome").isEmpty();
            return workflows.refusalOfClosed(receipt);
        } catch (ApiException refused) {
            return refused;
        }
    }

    /** A client whose updates reach a workflow only after it has closed, as a slow network would deliver them. */
    private WorkflowClient clientWhoseUpdatesArriveLate() {
        WorkflowClient direct = environment.getWorkflowClient();
        return WorkflowClient.newInstance(
                environment.getWorkflowServiceStubs(),
                WorkflowClientOptions.newBuilder(direct.getOptions())
                        .setInterceptors(new WorkflowClientInterceptorBase() {
                            @Override
                            public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
                                    WorkflowClientCallsInterceptor next) {
                                return new WorkflowClientCallsInterceptorBase(next) {
                                    @Override
                                    public <R> WorkflowUpdateHandle<R> startUpdate(StartUpdateInput<R> input) {
                                        awaitClosed(
                                                direct,
                                                input.getWorkflowExecution().getWorkflowId());
                                        return super.startUpdate(input);
                                    }
                                };
                            }
                        })
                        .build());
    }

    /** Polls rather than waiting on the result, which would let the test service skip time for every workflow. */
    private static void awaitClosed(WorkflowClient client, String workflowId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (client.newUntypedWorkflowStub(workflowId).describe().getStatus()
                    != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
