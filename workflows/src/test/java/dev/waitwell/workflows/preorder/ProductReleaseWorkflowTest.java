package dev.waitwell.workflows.preorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.order.CancellationRequest;
import dev.waitwell.workflows.order.OrderOutcome;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.OrderWorkflowIds;
import dev.waitwell.workflows.order.PaymentMethodChange;
import dev.waitwell.workflows.order.PaymentRetry;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.order.Shipment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductReleaseWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ProductReleaseWorkflowImpl.class, ReleaseListener.class)
            .setDoNotStart(true)
            .build();

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        // o-3 never started: an order that closed between the listing and the signal.
        worker.registerActivitiesImplementations((ReleaseActivities) request ->
                new ReleasedProduct(request.sku(), List.of("o-1", "o-2", "o-3"), null));
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void tellsEveryOpenPreorderAndCountsTheOnesAlreadyClosed() {
        OrderWorkflow first = startListener("o-1");
        OrderWorkflow second = startListener("o-2");
        ProductReleaseWorkflow release = client.newWorkflowStub(ProductReleaseWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(ProductReleaseWorkflowIds.of("CAM-1")).build());

        ReleaseOutcome outcome = release.release(new ReleaseRequest("CAM-1", "admin"));

        assertThat(outcome).isEqualTo(new ReleaseOutcome("CAM-1", 2, 1));
        assertThat(first.state().released()).isTrue();
        assertThat(second.state().released()).isTrue();
    }

    private OrderWorkflow startListener(String orderId) {
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(OrderWorkflowIds.of(orderId)).build());
        WorkflowClient.start(order::fulfil, null);
        return order;
    }

    /** Stands in for an order: records the release signal, nothing else. */
    public static class ReleaseListener implements OrderWorkflow {

        private boolean released;

        @Override
        public OrderOutcome fulfil(PlaceOrderInput input) {
            Workflow.await(() -> false);
            return null;
        }

        @Override
        public void productReleased() {
            released = true;
        }

        @Override
        public void stockAllocated(dev.waitwell.workflows.inventory.StockAllocation allocation) {
        }

        @Override
        public OrderState awaitCheckout() {
            return state();
        }

        @Override
        public OrderState confirmShipment(Shipment shipment) {
            return state();
        }

        @Override
        public void validateConfirmShipment(Shipment shipment) {
        }

        @Override
        public OrderState cancel(CancellationRequest request) {
            return state();
        }

        @Override
        public void validateCancel(CancellationRequest request) {
        }

        @Override
        public OrderState changePaymentMethod(PaymentMethodChange change) {
            return state();
        }

        @Override
        public void validateChangePaymentMethod(PaymentMethodChange change) {
        }

        @Override
        public OrderState retryPayment(PaymentRetry retry) {
            return state();
        }

        @Override
        public void validateRetryPayment(PaymentRetry retry) {
        }

        @Override
        public OrderState state() {
            return new OrderState(null, null, null, 0, 0, 0, null, null, released, false, null, null, null, null, null, 0);
        }
    }
}
