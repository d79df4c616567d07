package dev.waitwell.workflows.order;

import static dev.waitwell.workflows.order.OrderFixtures.UNIT_PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
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
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class OrderWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakePayments payments = new FakePayments();
    private final OrderActivities orders =
            mock(OrderActivities.class, withSettings().withoutAnnotations());
    private final TimelineActivities timeline =
            mock(TimelineActivities.class, withSettings().withoutAnnotations());
    private final InventoryActivities inventory =
            mock(InventoryActivities.class, withSettings().withoutAnnotations());
    private final LedgerActivities ledger =
            mock(LedgerActivities.class, withSettings().withoutAnnotations());
    private final NotificationActivities notifications =
            mock(NotificationActivities.class, withSettings().withoutAnnotations());

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        org.mockito.Mockito.when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
        org.mockito.Mockito.when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(1, null));
        org.mockito.Mockito.when(inventory.allocationsOf(any()))
                .thenReturn(new dev.waitwell.workflows.inventory.OrderAllocations(0, List.of()));
        worker.registerActivitiesImplementations(
                payments,
                orders,
                timeline,
                inventory,
                ledger,
                notifications,
                new SentAtOnce(notifications),
                mock(
                        dev.waitwell.workflows.delay.DelayActivities.class,
                        withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void chargesDepositAtCheckoutAndBalanceWhenReleaseMonthsAwayArrivesByItself() {
        OrderWorkflow order = place("o-deposit", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(120));

        assertThat(order.awaitCheckout().paid()).isEqualTo(5_000);
        env.sleep(Duration.ofDays(119));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(order.state().paid()).isEqualTo(5_000);

        env.sleep(Duration.ofHours(25));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        verify(inventory).joinQueueOnRelease(new StockRequest("o-deposit", "CAM-1", 1));
        order.stockAllocated(new StockAllocation(7, 1));
        env.sleep(Duration.ofMinutes(1));

        OrderState state = order.state();
        assertThat(state.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(state.released()).isTrue();
        assertThat(state.allocatedUnits()).isEqualTo(1);
        assertThat(payments.charged.values())
                .extracting(ChargeRequest::purpose, c -> c.amount().amountMinor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChargePurpose.DEPOSIT, 5_000L),
                        org.assertj.core.groups.Tuple.tuple(ChargePurpose.BALANCE, 20_000L));
        verify(orders).requestFulfilment(any());
    }

    @Test
    void chargesBalanceAsSoonAsTheProductIsReleasedBySignal() {
        OrderWorkflow order = place("o-signal", PaymentPlan.PAY_LATER, "pm_card_visa", Duration.ofDays(60));
        assertThat(order.awaitCheckout().paid()).isZero();

        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(order.state().paid()).isEqualTo(UNIT_PRICE);
        assertThat(sentMilestones()).containsExactly(Milestone.CONFIRMED, Milestone.CHARGED);
    }

    @Test
    void remindsBeforeTheReleaseSayingWhatWillBeCharged() {
        OrderWorkflow order = place("o-remind", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(30));
        order.awaitCheckout();

        env.sleep(Duration.ofDays(26));
        assertThat(sentMilestones()).doesNotContain(Milestone.RELEASE_REMINDER);
        env.sleep(Duration.ofDays(2));

        NotificationRequest reminder = sent(Milestone.RELEASE_REMINDER);
        assertThat(reminder.facts().amount()).isEqualTo(Money.of(20_000, "USD"));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
    }

    @Test
    void fullPaymentIsChargedOnceAndTheReleaseChargesNothingMore() {
        OrderWorkflow order = place("o-full", PaymentPlan.FULL, "pm_card_visa", Duration.ofDays(10));
        assertThat(order.awaitCheckout().paid()).isEqualTo(UNIT_PRICE);

        env.sleep(Duration.ofDays(11));

        assertThat(payments.charged).hasSize(1);
        assertThat(sentMilestones())
                .containsExactly(Milestone.CONFIRMED, Milestone.RELEASE_REMINDER, Milestone.RELEASED);
    }

    @Test
    void checkoutChargesAndWritesItsTimelineInsideTheWorkflowTaskNotAsActivitiesOfTheirOwn() {
        OrderWorkflow order = place("o-local-steps", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(30));

        assertThat(order.awaitCheckout().paid()).isPositive();
        env.sleep(Duration.ofMinutes(1));

        List<String> scheduled = client.fetchHistory(OrderWorkflowIds.of("o-local-steps")).getEvents().stream()
                .filter(event -> event.hasActivityTaskScheduledEventAttributes())
                .map(event -> event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName())
                .toList();
        assertThat(scheduled)
                .as("the charge, the timeline and queueing the confirmation are local activities")
                .isEmpty();
        assertThat(sent(Milestone.CONFIRMED).key()).isEqualTo("CONFIRMED");
        assertThat(payments.charged).hasSize(1);
    }

    @Test
    void releaseChargesTheBalanceInsideTheSignalsWorkflowTaskAndTheRunRecordsOneVersionMarker() {
        OrderWorkflow order = place("o-release-shape", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(30));
        order.awaitCheckout();
        env.sleep(Duration.ofMinutes(1));
        var history = client.fetchHistory(OrderWorkflowIds.of("o-release-shape"));
        long tasksBeforeRelease = history.getEvents().stream()
                .filter(event -> event.hasWorkflowTaskCompletedEventAttributes())
                .count();

        // As on release day: the release allocated the units in the database, and the order reads them there.
        org.mockito.Mockito.when(inventory.allocationsOf(any()))
                .thenReturn(
                        new dev.waitwell.workflows.inventory.OrderAllocations(1, List.of(new StockAllocation(7, 1))));
        order.productReleased();
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(payments.charged.values())
                .extracting(ChargeRequest::purpose)
                .containsExactly(ChargePurpose.DEPOSIT, ChargePurpose.BALANCE);
        var events = client.fetchHistory(OrderWorkflowIds.of("o-release-shape")).getEvents();
        assertThat(events.stream()
                        .filter(event -> event.hasActivityTaskScheduledEventAttributes())
                        .map(event -> event.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName()))
                .as("both charges are local activities, and the two messages are queued by local activities")
                .isEmpty();
        assertThat(events.stream()
                        .filter(event -> event.hasWorkflowTaskCompletedEventAttributes())
                        .count())
                .as("release day: one workflow task, the signal's: charge, message, allocation and status")
                .isEqualTo(tasksBeforeRelease + 1);
        assertThat(sentMilestones()).containsExactly(Milestone.CONFIRMED, Milestone.CHARGED);
        assertThat(events.stream()
                        .filter(event -> event.hasMarkerRecordedEventAttributes()
                                && event.getMarkerRecordedEventAttributes()
                                        .getMarkerName()
                                        .equals("Version")))
                .as("one version marker for every change up to launch-day-shape")
                .hasSize(1);
    }

    @Test
    void aBalanceTheProcessorDoesNotSettleInsideTheWorkflowTaskGoesOnAsAnActivityUnderTheSameKey() {
        OrderWorkflow order = place("o-unsettled", PaymentPlan.PAY_LATER, "pm_card_visa", Duration.ofDays(10));
        order.awaitCheckout();
        payments.unsettledNext = 1;

        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(payments.unsettled).containsExactly("o-unsettled/charge/balance-1");
        assertThat(payments.charged.keySet()).containsExactly("o-unsettled/charge/balance-1");
        assertThat(client.fetchHistory(OrderWorkflowIds.of("o-unsettled")).getEvents().stream()
                        .filter(event -> event.hasActivityTaskScheduledEventAttributes())
                        .map(event -> event.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName()))
                .as("the local attempt failed; the same charge went on as an activity")
                .contains("Charge");
    }

    @Test
    void shipmentBooksRevenueTellsTheCustomerAndCompletes() {
        OrderWorkflow order = place("o-ship", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(5));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));

        OrderState shipped = order.confirmShipment(new Shipment("UPS", "1Z999"));

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        OrderOutcome outcome = WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);
        assertThat(outcome).isEqualTo(new OrderOutcome("o-ship", OrderStatus.SHIPPED, "USD", UNIT_PRICE, 0));
        InOrder steps = inOrder(inventory, ledger);
        steps.verify(inventory).joinQueueOnRelease(any());
        steps.verify(inventory).dispatch(any());
        steps.verify(ledger).recognizeRevenue(new RevenueRecognition("o-ship", Money.of(UNIT_PRICE, "USD")));
        assertThat(sent(Milestone.SHIPPED).facts().trackingNumber()).isEqualTo("1Z999");
    }

    @Test
    void refusesASecondShipmentAndCancellingAShippedOrder() {
        OrderWorkflow order = place("o-twice", PaymentPlan.FULL, "pm_card_visa", Duration.ofDays(5));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));
        order.confirmShipment(new Shipment("UPS", "1Z1"));
        WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);

        // A shipped order's workflow has completed: updates are refused as for any closed workflow.
        assertThatThrownBy(() -> order.confirmShipment(new Shipment("DHL", "2")))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> order.cancel(new CancellationRequest("changed my mind", "support")))
                .isInstanceOf(WorkflowException.class);
        verify(ledger, times(1)).recognizeRevenue(any());
    }

    @Test
    void refusesShipmentBeforeTheOrderIsReadyToShip() {
        OrderWorkflow order = place("o-early", PaymentPlan.FULL, "pm_card_visa", Duration.ofDays(5));
        order.awaitCheckout();

        assertThatThrownBy(() -> order.confirmShipment(new Shipment("UPS", "1Z1")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("AWAITING_RELEASE");
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
    }

    @Test
    void cancellationBeforeReleaseRefundsTheDepositAndReturnsTheUnits() {
        OrderWorkflow order = place("o-cancel", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(90));
        order.awaitCheckout();
        env.sleep(Duration.ofDays(20));

        OrderState cancelled = order.cancel(new CancellationRequest("customer asked", "support"));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.refunded()).isEqualTo(5_000);
        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(payments.totalRefunded()).isEqualTo(payments.totalCharged()).isEqualTo(5_000);
        verify(inventory).releaseUnits(new StockRequest("o-cancel", "CAM-1", 1));
        verify(inventory, never()).joinQueueOnRelease(any());
        assertThat(sent(Milestone.CANCELLED).facts().amount()).isEqualTo(Money.of(5_000, "USD"));
        verify(timeline)
                .recordStatus(argThat(change -> change.status() == OrderStatus.CANCELLED
                        && "customer asked".equals(change.cancellationReason())));
    }

    @Test
    void cancellationWhenReadyToShipRefundsEverythingPaid() {
        OrderWorkflow order = place("o-cancel-late", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(3));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);

        OrderState cancelled = order.cancel(new CancellationRequest("lost in warehouse", "support"));

        assertThat(cancelled.refunded()).isEqualTo(UNIT_PRICE);
        assertThat(payments.totalRefunded()).isEqualTo(UNIT_PRICE);
        verify(ledger, never()).recognizeRevenue(any());
    }

    @Test
    void declinedBalanceAwaitsPaymentAndARetryWithANewMethodCompletesIt() {
        OrderWorkflow order =
                place("o-decline", PaymentPlan.PAY_LATER, FakePayments.DECLINING_METHOD, Duration.ofDays(10));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));

        OrderState awaiting = order.state();
        assertThat(awaiting.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(awaiting.lastPaymentError()).contains("declined");
        assertThat(sentMilestones()).contains(Milestone.PAYMENT_FAILED);
        assertThatThrownBy(() -> order.confirmShipment(new Shipment("UPS", "1")))
                .isInstanceOf(WorkflowUpdateException.class);

        OrderState afterRetryWithSameCard = order.retryPayment(new PaymentRetry("support"));
        assertThat(afterRetryWithSameCard.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        OrderState paid = order.changePaymentMethod(new PaymentMethodChange("pm_card_mastercard", "shop"));

        assertThat(paid.paid()).isEqualTo(UNIT_PRICE);
        env.sleep(Duration.ofSeconds(5));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(payments.declined).hasSize(2);
        assertThat(payments.charged.keySet()).containsExactly("o-decline/charge/balance-3");
        verify(timeline).recordPaymentMethod(new PaymentMethodRecord("o-decline", "pm_card_mastercard"));
    }

    @Test
    void unpaidBalanceIsCancelledWithAFullRefundWhenTheGracePeriodEnds() {
        OrderWorkflow order = place("o-grace", PaymentPlan.DEPOSIT, "pm_card_visa", Duration.ofDays(10));
        order.awaitCheckout();
        order.changePaymentMethod(new PaymentMethodChange(FakePayments.DECLINING_METHOD, "shop"));
        releaseWithStock(order);
        env.sleep(Duration.ofDays(6));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        env.sleep(Duration.ofDays(2));

        OrderOutcome outcome = WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.paid()).isEqualTo(5_000);
        assertThat(outcome.refunded()).isEqualTo(5_000);
        assertThat(sent(Milestone.CANCELLED).facts().reason()).contains("payment not received");
    }

    @Test
    void cancellationDuringAChargeRefundsItAndNeverAsksTheWarehouseToShip() {
        OrderWorkflow order = place("o-inflight", PaymentPlan.PAY_LATER, "pm_card_visa", Duration.ofDays(10));
        order.awaitCheckout();
        payments.chargesHeld = new java.util.concurrent.CountDownLatch(1);
        releaseWithStock(order);
        env.sleep(Duration.ofSeconds(1));

        var cancelling = WorkflowStub.fromTyped(order)
                .startUpdate(
                        "cancel",
                        WorkflowUpdateStage.ACCEPTED,
                        OrderState.class,
                        new CancellationRequest("customer asked", "support"));
        payments.chargesHeld.countDown();
        OrderState cancelled = cancelling.getResult();

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(payments.totalCharged()).isEqualTo(UNIT_PRICE);
        assertThat(payments.totalRefunded()).isEqualTo(UNIT_PRICE);
        verify(inventory, never()).dispatch(any());
        verify(orders, never()).requestFulfilment(any());
        assertThat(sentMilestones()).doesNotContain(Milestone.CHARGED);
    }

    @Test
    void aSuccessfulRetryLeavesAwaitingPaymentAtOnceAndASecondRetryIsRefused() {
        OrderWorkflow order =
                place("o-second-retry", PaymentPlan.PAY_LATER, FakePayments.DECLINING_METHOD, Duration.ofDays(10));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));

        OrderState paid = order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", "shop"));

        assertThat(paid.status()).isNotEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(paid.paid()).isEqualTo(UNIT_PRICE);
        assertThatThrownBy(() -> order.retryPayment(new PaymentRetry("support")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThat(payments.charged).hasSize(1);
    }

    @Test
    void retryingAPaymentThatIsNotOutstandingIsRefused() {
        OrderWorkflow order = place("o-noretry", PaymentPlan.FULL, "pm_card_visa", Duration.ofDays(10));
        order.awaitCheckout();

        assertThatThrownBy(() -> order.retryPayment(new PaymentRetry("support")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("no declined payment");
    }

    @Test
    void writesEveryStatusChangeWithAUniqueEventKey() {
        OrderWorkflow order = place("o-status", PaymentPlan.FULL, "pm_card_visa", Duration.ofDays(1));
        releaseWithStock(order);
        env.sleep(Duration.ofMinutes(1));
        order.confirmShipment(new Shipment("UPS", "1Z"));
        WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);

        ArgumentCaptor<StatusChange> changes = ArgumentCaptor.forClass(StatusChange.class);
        verify(timeline, atLeast(2)).recordStatus(changes.capture());
        // The release and the allocation are two signals: when a workflow task takes the release alone, the order
        // waits for its stock in between.
        assertThat(changes.getAllValues())
                .extracting(StatusChange::status)
                .containsSubsequence(OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED)
                .isSubsetOf(OrderStatus.AWAITING_STOCK, OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED)
                .doesNotHaveDuplicates();
        assertThat(changes.getAllValues()).extracting(StatusChange::eventKey).doesNotHaveDuplicates();
        verify(timeline, never()).recordStatus(argThat(c -> c.status() == OrderStatus.CANCELLED));
    }

    /** The product is released and its stock covers the order (one unit, allocation 1). */
    private static void releaseWithStock(OrderWorkflow order) {
        order.productReleased();
        order.stockAllocated(new StockAllocation(1, 1));
    }

    private OrderWorkflow place(String orderId, PaymentPlan plan, String method, Duration untilRelease) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        WorkflowClient.start(order::fulfil, OrderFixtures.preorder(orderId, plan, method, now, untilRelease, 1));
        return order;
    }

    private List<Milestone> sentMilestones() {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        verify(notifications, org.mockito.Mockito.atLeast(0)).notify(sent.capture());
        return sent.getAllValues().stream().map(NotificationRequest::milestone).toList();
    }

    private NotificationRequest sent(Milestone milestone) {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        verify(notifications, org.mockito.Mockito.atLeast(1)).notify(sent.capture());
        return sent.getAllValues().stream()
                .filter(r -> r.milestone() == milestone)
                .findFirst()
                .orElseThrow(() -> new AssertionError(milestone + " not sent; sent: " + sentMilestones()));
    }
}
