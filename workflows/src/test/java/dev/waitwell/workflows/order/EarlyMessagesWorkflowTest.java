package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages that come with a run's start reach its handlers before the run's state exists (Temporal runs handlers
 * first in a workflow task): none of them is lost, and none fails the workflow task.
 */
class EarlyMessagesWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakePayments payments = new FakePayments();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        NotificationActivities notifications =
                mock(NotificationActivities.class, withSettings().withoutAnnotations());
        when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
        InventoryActivities inventory =
                mock(InventoryActivities.class, withSettings().withoutAnnotations());
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(0, null));
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(0, List.of()));
        worker.registerActivitiesImplementations(
                payments,
                notifications,
                new SentAtOnce(notifications),
                inventory,
                mock(OrderActivities.class, withSettings().withoutAnnotations()),
                mock(TimelineActivities.class, withSettings().withoutAnnotations()),
                new DelayWorkflowTest.RecordingDelays(),
                mock(LedgerActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void aCancellationThatComesWithTheStartCancelsBeforeAnythingIsCharged() {
        String orderId = "early-cancel";
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                        .build());
        PlaceOrderInput input =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now(), Duration.ofDays(30), 2);

        OrderState cancelled = WorkflowClient.startUpdateWithStart(
                        order::cancel,
                        new CancellationRequest("changed my mind", "support"),
                        UpdateOptions.<OrderState>newBuilder()
                                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                                .build(),
                        new WithStartWorkflowOperation<>(order::fulfil, input))
                .getResult();

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo("changed my mind");
        assertThat(cancelled.paid()).isZero();
        assertThat(payments.charged).isEmpty();
        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aReleaseThatComesWithAContinuedRunsStartIsKept() {
        String orderId = "early-release";
        PlaceOrderInput placed =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now(), Duration.ofDays(30), 2);
        WorkflowStub stub = client.newUntypedWorkflowStub(
                "OrderWorkflow",
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());

        stub.signalWithStart("productReleased", new Object[0], new Object[] {
            OrderFixtures.continuedWhileAwaitingRelease(placed, now().plus(Duration.ofDays(14)))
        });
        env.sleep(Duration.ofMinutes(1));

        OrderState state = client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId))
                .state();
        assertThat(state.released()).isTrue();
        assertThat(state.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(state.paid())
                .as("deposit and balance")
                .isEqualTo(placed.total().amountMinor());
        assertThat(payments.charged).containsOnlyKeys(orderId + "/charge/balance-2");
    }

    @Test
    void anAllocationThatComesWithTheStartIsCounted() {
        String orderId = "early-allocation";
        PlaceOrderInput input =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", now(), 2, 0);
        WorkflowStub stub = client.newUntypedWorkflowStub(
                "OrderWorkflow",
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());

        stub.signalWithStart("stockAllocated", new Object[] {new StockAllocation(7, 2)}, new Object[] {input});
        env.sleep(Duration.ofMinutes(1));

        OrderState state = client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId))
                .state();
        assertThat(state.allocatedUnits()).isEqualTo(2);
        assertThat(state.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
    }

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }
}
