package dev.waitwell.workflows.order;

import static dev.waitwell.workflows.order.OrderFixtures.UNIT_PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.AllocationFanOutWorkflowImpl;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.PendingAllocation;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class BackorderWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class, AllocationFanOutWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakePayments payments = new FakePayments();
    private final OrderActivities orders =
            mock(OrderActivities.class, withSettings().withoutAnnotations());
    private final InventoryActivities inventory =
            mock(InventoryActivities.class, withSettings().withoutAnnotations());
    private final NotificationActivities notifications =
            mock(NotificationActivities.class, withSettings().withoutAnnotations());
    private final ReallocatingStock stock = new ReallocatingStock();

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
        when(inventory.allocationsOf(any()))
                .thenReturn(new dev.waitwell.workflows.inventory.OrderAllocations(0, List.of()));
        worker.registerActivitiesImplementations(
                payments,
                orders,
                mock(TimelineActivities.class, withSettings().withoutAnnotations()),
                inventory,
                notifications,
                new SentAtOnce(notifications),
                stock,
                mock(LedgerActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void waitsForStockThenShipsWhenEveryUnitIsAllocatedCountingEachAllocationOnce() {
        OrderWorkflow order = place("b-full", OrderKind.BACKORDER, PaymentPlan.FULL, 3, 0);
        assertThat(order.awaitCheckout().paid()).isEqualTo(3 * UNIT_PRICE);
        env.sleep(Duration.ofDays(10));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);

        order.stockAllocated(new StockAllocation(11, 2));
        order.stockAllocated(new StockAllocation(11, 2));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().allocatedUnits()).isEqualTo(2);
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);

        order.stockAllocated(new StockAllocation(12, 1));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(payments.charged).hasSize(1);
        verify(orders).requestFulfilment(any());
    }

    @Test
    void payLaterBackorderIsChargedWhenItsStockIsAllocated() {
        OrderWorkflow order = place("b-later", OrderKind.BACKORDER, PaymentPlan.PAY_LATER, 1, 0);
        assertThat(order.awaitCheckout().paid()).isZero();

        order.stockAllocated(new StockAllocation(21, 1));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(payments.charged.values()).extracting(ChargeRequest::purpose).containsExactly(ChargePurpose.BALANCE);
        assertThat(milestones()).containsExactly(Milestone.CONFIRMED, Milestone.CHARGED);
    }

    @Test
    void inStockOrderIsChargedInFullAndReadyToShipAtOnce() {
        OrderWorkflow order = place("b-stock", OrderKind.IN_STOCK, PaymentPlan.FULL, 2, 2);

        OrderState checkout = order.awaitCheckout();
        env.sleep(Duration.ofSeconds(5));

        assertThat(checkout.paid()).isEqualTo(2 * UNIT_PRICE);
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        order.confirmShipment(new Shipment("UPS", "1Z"));
        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).status())
                .isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void cancellingAPartlyAllocatedBackorderGivesItsUnitsToTheNextOrderInTheQueue() {
        OrderWorkflow first = place("b-first", OrderKind.BACKORDER, PaymentPlan.FULL, 2, 0);
        OrderWorkflow next = place("b-next", OrderKind.BACKORDER, PaymentPlan.FULL, 1, 0);
        first.awaitCheckout();
        next.awaitCheckout();
        first.stockAllocated(new StockAllocation(31, 1));
        env.sleep(Duration.ofMinutes(1));
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(1, new AllocationBatch(77, "CAM-1", 1, 1)));
        stock.batch77 = List.of(new PendingAllocation(32, "b-next", 1));

        first.cancel(new CancellationRequest("changed my mind", "support"));

        // The fan-out is a detached child; the test server does not skip time while it runs, so poll.
        awaitStatus(next, OrderStatus.READY_TO_SHIP);
        assertThat(payments.totalRefunded()).isEqualTo(2 * UNIT_PRICE);
        verify(inventory, never()).returnUnits(any());
    }

    private OrderWorkflow place(String orderId, OrderKind kind, PaymentPlan plan, int quantity, int allocated) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        WorkflowClient.start(
                order::fulfil, OrderFixtures.waiting(orderId, kind, plan, "pm_card_visa", now, quantity, allocated));
        return order;
    }

    private static void awaitStatus(OrderWorkflow order, OrderStatus status) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (order.state().status() != status && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(order.state().status()).isEqualTo(status);
    }

    private List<Milestone> milestones() {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        verify(notifications, org.mockito.Mockito.atLeast(0)).notify(sent.capture());
        return sent.getAllValues().stream().map(NotificationRequest::milestone).toList();
    }

    /** Serves the allocation rows of batch 77 to the fan-out workflow. */
    static class ReallocatingStock implements StockActivities {

        volatile List<PendingAllocation> batch77 = List.of();

        @Override
        public ReceiptOutcome receive(StockReceipt receipt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PendingAllocation> allocations(AllocationPage page) {
            return page.batchId() == 77 && page.afterAllocationId() == 0 ? batch77 : List.of();
        }
    }
}
