package dev.waitwell.workflows.order;

import static dev.waitwell.workflows.order.OrderFixtures.UNIT_PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.ledger.RevenueRecognition;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.order.ContinueAsNewWorkflowTest.RecordingMessages;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Orders whose workflow Temporal lost, started again from what PostgreSQL records ({@link OrderRecord}): each goes
 * on from the wait it stood in, and nothing done before (a charge, a message, a status, a fulfilment request) is
 * done again, while everything new gets a key of its own.
 */
class RebuiltOrderWorkflowTest {

    private static final String CARD = "pm_card_visa";
    private static final long DEPOSIT = UNIT_PRICE * OrderFixtures.DEPOSIT_PERCENT / 100;

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final RecordingMessages messages = new RecordingMessages(() -> this.env.currentTimeMillis());
    private final RecordingTimeline timeline = new RecordingTimeline();
    private final FakePayments payments = new FakePayments().writingEventsTo(timeline);
    private final DelayWorkflowTest.RecordingDelays delays = new DelayWorkflowTest.RecordingDelays();
    private final InventoryActivities inventory =
            mock(InventoryActivities.class, withSettings().withoutAnnotations());
    private final OrderActivities orders =
            mock(OrderActivities.class, withSettings().withoutAnnotations());
    private final LedgerActivities ledger =
            mock(LedgerActivities.class, withSettings().withoutAnnotations());

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(0, List.of()));
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(0, null));
        worker.registerActivitiesImplementations(
                payments, messages, new SentAtOnce(messages), timeline, delays, inventory, orders, ledger);
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    // ---- AWAITING_RELEASE

    @Test
    void aPreOrderRebuiltBeforeItsReleaseIsRemindedReleasedAndChargedItsBalanceOnceWithTheNextStep() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("pre", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(10), 1);
        paidBefore(placed, ChargePurpose.DEPOSIT, "deposit-1", DEPOSIT);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_RELEASE);
        record.paid = DEPOSIT;
        record.chargeAttempts = 1;
        record.timelineCounts = Map.of("event:PAYMENT_CHARGED", 1);

        OrderWorkflow order = rebuild(placed, record);
        assertThat(order.awaitCheckout().status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        env.sleep(Duration.ofDays(8));
        assertThat(messages.of(Milestone.RELEASE_REMINDER)).hasSize(1);
        order.productReleased();
        env.sleep(Duration.ofMinutes(1));

        OrderState waiting = order.state();
        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(waiting.released()).isTrue();
        assertThat(waiting.paid()).isEqualTo(UNIT_PRICE);
        assertThat(chargeKeys()).containsExactly("pre/charge/deposit-1", "pre/charge/balance-2");
        assertThat(messages.of(Milestone.CHARGED))
                .singleElement()
                .satisfies(charged -> assertThat(charged.request().facts().amount())
                        .isEqualTo(Money.of(UNIT_PRICE - DEPOSIT, "USD")));
        assertThat(messages.of(Milestone.CONFIRMED))
                .as("told at checkout, before the rebuild")
                .isEmpty();
        verify(inventory).joinQueueOnRelease(new StockRequest("pre", "CAM-1", 1));
        assertThat(timeline.keys)
                .containsExactly("event:PRODUCT_RELEASED#1", "event:PAYMENT_CHARGED#2", "status:AWAITING_STOCK#1");
    }

    @Test
    void aPreOrderLostAfterItsBalanceWasChargedTellsTheCustomerWhatWasChargedWithoutChargingAgain() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("told", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(10), 1);
        paidBefore(placed, ChargePurpose.DEPOSIT, "deposit-1", DEPOSIT);
        paidBefore(placed, ChargePurpose.BALANCE, "balance-2", UNIT_PRICE - DEPOSIT);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_RELEASE);
        record.releaseReminderSent = true;
        record.released = true; // the product is: the release told the orders it could
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 2;
        record.balancePaid = UNIT_PRICE - DEPOSIT;
        record.timelineCounts = Map.of("event:PAYMENT_CHARGED", 2, "event:PRODUCT_RELEASED", 1);

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(chargeKeys()).containsExactly("told/charge/deposit-1", "told/charge/balance-2");
        assertThat(messages.of(Milestone.RELEASED)).isEmpty();
        assertThat(messages.of(Milestone.CHARGED))
                .singleElement()
                .satisfies(charged -> assertThat(charged.request().facts().amount())
                        .isEqualTo(Money.of(UNIT_PRICE - DEPOSIT, "USD")));
        assertThat(timeline.keys)
                .as("the release was recorded by the lost run")
                .containsExactly("status:AWAITING_STOCK#1");
    }

    @Test
    void aPreOrderLostDuringCheckoutChecksOutAgainUnderTheSameKeysAndIsConfirmedOnce() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("lost", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(10), 1);
        paidBefore(placed, ChargePurpose.DEPOSIT, "deposit-1", DEPOSIT);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_RELEASE);
        record.paid = DEPOSIT;
        record.chargeAttempts = 1;
        record.confirmationSent = false;

        OrderWorkflow order = rebuild(placed, record);
        OrderState settled = order.awaitCheckout();
        env.sleep(Duration.ofMinutes(1)); // the confirmation follows the settled checkout

        assertThat(settled.status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(settled.paid())
                .as("the deposit the lost run took, found under its key")
                .isEqualTo(DEPOSIT);
        assertThat(chargeKeys()).containsExactly("lost/charge/deposit-1");
        assertThat(messages.of(Milestone.CONFIRMED)).hasSize(1);
    }

    @Test
    void anOrderLostBeforeItsConfirmationButAfterARetriedChargeIsNotCheckedOutAgain() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("retried", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(10), 1);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_RELEASE);
        record.paid = DEPOSIT;
        record.chargeAttempts = 2; // deposit-1 declined, deposit-2 paid
        record.confirmationSent = false;

        assertThat(placed.rebuiltFrom(record.build()).continuation())
                .as("checking out again would find deposit-1 declined and wait for a payment already made")
                .isNotNull();
    }

    @Test
    void aPreOrderWhoseReleaseDatePassedWhileNothingRanIsReleasedAtOnce() {
        PlaceOrderInput placed = OrderFixtures.preorder("late", PaymentPlan.FULL, CARD, now(), Duration.ofDays(1), 1);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        env.sleep(Duration.ofDays(2));
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_RELEASE);
        record.releaseReminderSent = true;
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;

        OrderWorkflow order = rebuild(placed, record);
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(messages.of(Milestone.RELEASE_REMINDER))
                .as("sent before the rebuild")
                .isEmpty();
        assertThat(messages.of(Milestone.RELEASED)).hasSize(1);
        assertThat(chargeKeys()).containsExactly("late/charge/full-1");
    }

    // ---- AWAITING_STOCK and READY_TO_SHIP

    @Test
    void aBackorderRebuiltWhileAwaitingStockCountsEachAllocationOnceThenShipsAndBooksRevenueOnce() {
        PlaceOrderInput placed = OrderFixtures.waiting("bo", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 2, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", 2 * UNIT_PRICE);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_STOCK);
        record.paid = 2 * UNIT_PRICE;
        record.chargeAttempts = 1;
        record.allocatedUnits = 1;
        record.allocationIds = List.of(11L);
        record.timelineCounts = Map.of("event:PAYMENT_CHARGED", 1, "status:AWAITING_STOCK", 1);
        record.lastEventSequence = 2;

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        order.stockAllocated(new StockAllocation(11, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().allocatedUnits())
                .as("allocation 11 was counted before")
                .isEqualTo(1);
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        order.stockAllocated(new StockAllocation(12, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        OrderState shipped = order.confirmShipment(new Shipment("UPS", "1Z-BO"));

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(result("bo").paid()).isEqualTo(2 * UNIT_PRICE);
        assertThat(chargeKeys()).containsExactly("bo/charge/full-1");
        verify(orders, times(1)).requestFulfilment(any());
        verify(ledger, times(1)).recognizeRevenue(new RevenueRecognition("bo", Money.of(2 * UNIT_PRICE, "USD")));
        assertThat(messages.keys()).containsExactly("SHIPPED");
        assertThat(timeline.keys).containsExactly("status:READY_TO_SHIP#1", "status:SHIPPED#1");
    }

    @Test
    void anOrderRebuiltReadyToShipWithFulfilmentRequestedShipsWhenConfirmedWithoutAskingAgain() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("ready", OrderKind.IN_STOCK, PaymentPlan.FULL, CARD, now(), 1, 1);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        Recorded record = Recorded.of(placed, OrderStatus.READY_TO_SHIP);
        record.fulfilmentRequested = true;
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;
        record.allocatedUnits = 1;
        record.timelineCounts = Map.of("event:PAYMENT_CHARGED", 1, "status:READY_TO_SHIP", 1);

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        OrderState shipped = order.confirmShipment(new Shipment("DHL", "JD-READY"));
        result("ready");

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        verify(orders, never()).requestFulfilment(any());
        verify(orders, times(1)).recordShipment(any());
        verify(inventory, times(1)).dispatch(new StockRequest("ready", "CAM-1", 1));
        verify(ledger, times(1)).recognizeRevenue(new RevenueRecognition("ready", Money.of(UNIT_PRICE, "USD")));
        assertThat(chargeKeys()).containsExactly("ready/charge/full-1");
        assertThat(messages.keys()).containsExactly("SHIPPED");
        assertThat(timeline.keys).containsExactly("status:SHIPPED#1");
    }

    @Test
    void anOrderRebuiltReadyToShipBeforeFulfilmentIsChargedWhatIsDueWithTheNextStepAndSentToTheWarehouse() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("due", OrderKind.BACKORDER, PaymentPlan.PAY_LATER, CARD, now(), 1, 0);
        Recorded record = Recorded.of(placed, OrderStatus.READY_TO_SHIP);
        record.chargeAttempts = 1; // balance-1 was declined, then paid for with a new method, then refunded...
        record.allocatedUnits = 1;
        record.allocationIds = List.of(5L);
        record.timelineCounts = Map.of("status:AWAITING_STOCK", 1, "status:READY_TO_SHIP", 1);

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        env.sleep(Duration.ofMinutes(1));

        OrderState ready = order.state();
        assertThat(ready.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(ready.paid()).isEqualTo(UNIT_PRICE);
        assertThat(chargeKeys()).containsExactly("due/charge/balance-2");
        assertThat(messages.of(Milestone.CHARGED)).hasSize(1);
        verify(orders, times(1)).requestFulfilment(any());
        assertThat(timeline.keys).containsExactly("event:PAYMENT_CHARGED#1", "status:READY_TO_SHIP#2");
        order.confirmShipment(new Shipment("UPS", "1Z-DUE"));
        verify(ledger, times(1)).recognizeRevenue(new RevenueRecognition("due", Money.of(UNIT_PRICE, "USD")));
    }

    // ---- AWAITING_DECISION

    @Test
    void unitsAllocatedWhileNoWorkflowCouldBeToldAreCountedWhenTheReopenedDecisionIsAnswered() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("late", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 1, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(1, List.of(new StockAllocation(77, 1))));
        OpenDecision open = new OpenDecision(
                1,
                placed.promisedDate().plusDays(30),
                "the supplier slipped",
                List.of(DelayChoice.WAIT, DelayChoice.CANCEL),
                now().plus(Duration.ofDays(5)),
                false);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_DECISION);
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;
        record.delays = 1;
        record.promisedDate = open.newDate();
        record.openDecision = open;

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().status())
                .as("the decision is answered first")
                .isEqualTo(OrderStatus.AWAITING_DECISION);
        order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        verify(orders, times(1)).requestFulfilment(any());
    }

    @Test
    void aDecisionOpenWhenTheOrderWasRebuiltIsOpenAgainWithItsDeadlineAndTheCustomersAnswerCarriesItOut() {
        PlaceOrderInput placed = OrderFixtures.waiting("dec", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 1, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        OpenDecision open = new OpenDecision(
                2,
                placed.promisedDate().plusDays(30),
                "the supplier slipped",
                List.of(DelayChoice.WAIT, DelayChoice.CANCEL),
                now().plus(Duration.ofDays(5)),
                false);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_DECISION);
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;
        record.delays = 2;
        record.decisionsSettled = 1;
        record.rewardCode = "WAIT-dec-1";
        record.promisedDate = open.newDate();
        record.openDecision = open;
        record.timelineCounts =
                Map.of("status:AWAITING_STOCK", 2, "status:AWAITING_DECISION", 2, "event:DELAY_DECIDED", 1);

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        env.sleep(Duration.ofDays(1));
        OrderState deciding = order.state();
        assertThat(deciding.status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(deciding.decision()).isEqualTo(open);
        assertThat(deciding.waitingUntil()).isEqualTo(open.deadline());

        OrderState waiting = order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        env.sleep(Duration.ofMinutes(1));

        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(waiting.decision()).isNull();
        assertThat(waiting.rewardCode()).isEqualTo("WAIT-dec-2");
        assertThat(messages.keys()).containsExactly("DELAY_ACCEPTED-2");
        assertThat(timeline.keys).containsExactly("event:DELAY_DECIDED#2", "status:AWAITING_STOCK#3");
        assertThat(chargeKeys()).containsExactly("dec/charge/full-1");
    }

    @Test
    void aDecisionWhoseDeadlinePassedWhileNothingRanCancelsAtOnceWhereSilenceCancels() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("gone", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 1, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        env.sleep(Duration.ofDays(10));
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_DECISION);
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;
        record.delays = 1;
        record.openDecision = new OpenDecision(
                1, null, "the supplier is gone", List.of(DelayChoice.CANCEL), now().minus(Duration.ofDays(3)), false);

        rebuild(placed, record);
        OrderOutcome outcome = result("gone");

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.refunded()).isEqualTo(UNIT_PRICE);
        assertThat(payments.totalRefunded()).isEqualTo(UNIT_PRICE);
        assertThat(chargeKeys()).containsExactly("gone/charge/full-1");
        verify(inventory).releaseUnits(new StockRequest("gone", "CAM-1", 1));
        assertThat(messages.keys()).containsExactly("CANCELLED");
        assertThat(timeline.keys).containsExactly("event:REFUNDED#1", "status:CANCELLED#1");
    }

    @Test
    void aDecisionWhoseDeadlinePassedWhereSilenceMeansWaitingWaitsAtOnceWithItsReward() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("quiet", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 1, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        env.sleep(Duration.ofDays(10));
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_DECISION);
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 1;
        record.delays = 1;
        record.promisedDate = placed.promisedDate().plusDays(5);
        record.openDecision = new OpenDecision(
                1,
                record.promisedDate,
                "a late ship",
                List.of(DelayChoice.WAIT, DelayChoice.CANCEL),
                now().minus(Duration.ofDays(3)),
                true);
        record.timelineCounts = Map.of("status:AWAITING_STOCK", 1, "status:AWAITING_DECISION", 1);

        OrderWorkflow order = rebuild(placed, record);
        env.sleep(Duration.ofMinutes(1));

        OrderState waiting = order.state();
        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(waiting.rewardCode()).isEqualTo("WAIT-quiet-1");
        assertThat(messages.keys()).containsExactly("DELAY_ACCEPTED-1");
        assertThat(timeline.keys).containsExactly("event:DELAY_DECIDED#1", "status:AWAITING_STOCK#2");
    }

    // ---- AWAITING_PAYMENT

    @Test
    void aCheckoutChargeDeclinedBeforeTheRebuildIsPaidWithANewMethodThenConfirmedAndThePreOrderWaitsForItsRelease() {
        PlaceOrderInput placed = OrderFixtures.preorder(
                "chk", PaymentPlan.DEPOSIT, FakePayments.DECLINING_METHOD, now(), Duration.ofDays(30), 1);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_PAYMENT);
        record.chargeAttempts = 1;
        record.lastPaymentError = "Your card was declined.";
        record.declinedCharge = new OrderRecord.DeclinedCharge(
                ChargePurpose.DEPOSIT, "deposit-1", DEPOSIT, now().minus(Duration.ofDays(2)), false);
        record.timelineCounts = Map.of("event:PAYMENT_DECLINED", 1, "status:AWAITING_PAYMENT", 1);

        OrderWorkflow order = rebuild(placed, record);
        OrderState declined = order.awaitCheckout();
        assertThat(declined.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(declined.firstPaymentSettled()).isFalse();
        assertThat(declined.paymentIssue()).isNotNull();
        assertThat(declined.waitingUntil())
                .isEqualTo(record.declinedCharge.declinedAt().plus(Duration.ofDays(7)));

        order.changePaymentMethod(new PaymentMethodChange(CARD, PaymentMethodChange.BY_THE_CUSTOMER));
        env.sleep(Duration.ofMinutes(1));

        OrderState waiting = order.state();
        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(waiting.firstPaymentSettled()).isTrue();
        assertThat(waiting.paid()).isEqualTo(DEPOSIT);
        assertThat(chargeKeys()).containsExactly("chk/charge/deposit-2");
        assertThat(messages.keys())
                .as("no new decline notice; the confirmation once")
                .containsExactly("CONFIRMED");
        assertThat(timeline.keys)
                .containsExactly(
                        "event:PAYMENT_METHOD_CHANGED#1", "event:PAYMENT_CHARGED#1", "status:AWAITING_RELEASE#1");
    }

    @Test
    void aBalanceWaitingOnTheBankWithinItsGraceIsCheckedAgainUnderItsOwnKeyOnRetryAndTheOrderGoesOnToTheWarehouse() {
        PlaceOrderInput placed = OrderFixtures.waiting(
                "bank", OrderKind.BACKORDER, PaymentPlan.PAY_LATER, FakePayments.AUTHENTICATING_METHOD, now(), 1, 0);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_PAYMENT);
        record.chargeAttempts = 1;
        record.allocatedUnits = 1;
        record.allocationIds = List.of(3L);
        record.declinedCharge = new OrderRecord.DeclinedCharge(
                ChargePurpose.BALANCE, "balance-1", UNIT_PRICE, now().minus(Duration.ofDays(1)), true);
        record.timelineCounts = Map.of("status:AWAITING_STOCK", 1, "status:AWAITING_PAYMENT", 1);

        OrderWorkflow order = rebuild(placed, record);
        assertThat(order.awaitCheckout().paymentIssue().needsAuthentication()).isTrue();
        payments.authenticate("bank/charge/balance-1");
        OrderState paid = order.retryPayment(new PaymentRetry("support"));
        env.sleep(Duration.ofMinutes(1));

        assertThat(paid.paid()).isEqualTo(UNIT_PRICE);
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(chargeKeys()).containsExactly("bank/charge/balance-1");
        assertThat(messages.keys()).containsExactly("CHARGED");
        verify(orders, times(1)).requestFulfilment(any());
        assertThat(timeline.keys)
                .containsExactly("event:PAYMENT_CHARGED#1", "status:READY_TO_SHIP#1", "status:READY_TO_SHIP#2");
    }

    @Test
    void aBalanceDeclinedLongerAgoThanTheGraceCancelsAtOnceAndRefundsWhatWasPaid() {
        PlaceOrderInput placed =
                OrderFixtures.preorder("over", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(2), 1);
        paidBefore(placed, ChargePurpose.DEPOSIT, "deposit-1", DEPOSIT);
        env.sleep(Duration.ofDays(12));
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_PAYMENT);
        record.released = true;
        record.releaseReminderSent = true;
        record.paid = DEPOSIT;
        record.chargeAttempts = 2;
        record.paymentMethod = FakePayments.DECLINING_METHOD;
        record.declinedCharge = new OrderRecord.DeclinedCharge(
                ChargePurpose.BALANCE, "balance-2", UNIT_PRICE - DEPOSIT, now().minus(Duration.ofDays(8)), false);

        rebuild(placed, record);
        OrderOutcome outcome = result("over");

        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.paid()).isEqualTo(DEPOSIT);
        assertThat(outcome.refunded()).isEqualTo(DEPOSIT);
        assertThat(payments.totalRefunded()).isEqualTo(DEPOSIT);
        assertThat(payments.declined).as("no new attempt").isEmpty();
        assertThat(chargeKeys()).containsExactly("over/charge/deposit-1");
        assertThat(messages.keys()).containsExactly("CANCELLED");
    }

    @Test
    void aSwitchWhoseDifferenceWasDeclinedIsChargedWithANewMethodThenToldAsASwitchAndSentToTheWarehouse() {
        PlaceOrderInput placed =
                OrderFixtures.waiting("swap", OrderKind.BACKORDER, PaymentPlan.FULL, CARD, now(), 1, 0);
        paidBefore(placed, ChargePurpose.FULL, "full-1", UNIT_PRICE);
        Recorded record = Recorded.of(placed, OrderStatus.AWAITING_PAYMENT);
        record.item = new OrderItem("CAM-2", "Camera Two", Money.of(UNIT_PRICE + 3_000, "USD"));
        record.switched = true;
        record.released = true;
        record.paid = UNIT_PRICE;
        record.chargeAttempts = 2;
        record.paymentMethod = FakePayments.DECLINING_METHOD;
        record.allocatedUnits = 1;
        record.delays = 1;
        record.decisionsSettled = 1;
        record.declinedCharge = new OrderRecord.DeclinedCharge(
                ChargePurpose.BALANCE, "balance-2", 3_000, now().minus(Duration.ofHours(5)), false);
        record.timelineCounts = Map.of("status:AWAITING_STOCK", 1, "status:AWAITING_PAYMENT", 1);

        OrderWorkflow order = rebuild(placed, record);
        order.awaitCheckout();
        order.changePaymentMethod(new PaymentMethodChange(CARD, PaymentMethodChange.BY_THE_CUSTOMER));
        env.sleep(Duration.ofMinutes(1));

        OrderState ready = order.state();
        assertThat(ready.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(ready.sku()).isEqualTo("CAM-2");
        assertThat(ready.paid()).isEqualTo(UNIT_PRICE + 3_000);
        assertThat(chargeKeys()).containsExactly("swap/charge/full-1", "swap/charge/balance-3");
        assertThat(messages.keys()).containsExactly("SWITCHED");
        verify(orders, times(1)).requestFulfilment(any());
        assertThat(timeline.keys)
                .containsExactly(
                        "event:PAYMENT_METHOD_CHANGED#1",
                        "event:PAYMENT_CHARGED#1",
                        "status:AWAITING_STOCK#2",
                        "status:AWAITING_STOCK#3",
                        "status:READY_TO_SHIP#1");
    }

    // ---- keys

    @Test
    void aRunContinuedFromOneWithPositionKeysNamesItsKeysByWhatHappenedFromOne() {
        PlaceOrderInput placed = OrderFixtures.preorder("old", PaymentPlan.DEPOSIT, CARD, now(), Duration.ofDays(1), 1);
        PlaceOrderInput continued = OrderFixtures.continuedWhileAwaitingRelease(placed, now().plus(Duration.ofDays(7)));

        start(continued);
        env.sleep(Duration.ofDays(1).plusHours(1));

        assertThat(timeline.keys)
                .containsExactly("event:PRODUCT_RELEASED#1", "event:PAYMENT_CHARGED#1", "status:AWAITING_STOCK#1");
    }

    // ---- the rebuild and its record

    private OrderWorkflow rebuild(PlaceOrderInput placed, Recorded record) {
        return start(placed.rebuiltFrom(record.build()));
    }

    /** Starts the run as the worker does: by the order's workflow id; later calls reach it by that id. */
    private OrderWorkflow start(PlaceOrderInput input) {
        OrderWorkflow starter = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(input.orderId()))
                        .build());
        WorkflowClient.start(starter::fulfil, input);
        return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(input.orderId()));
    }

    /** A charge made before the rebuild: the processor has it, so a refund covers it. */
    private void paidBefore(PlaceOrderInput placed, ChargePurpose purpose, String step, long amount) {
        payments.charge(new ChargeRequest(placed.orderId(), step, purpose, Money.of(amount, "USD"), CARD));
    }

    private List<String> chargeKeys() {
        return payments.charged.values().stream()
                .map(ChargeRequest::idempotencyKey)
                .toList();
    }

    private OrderOutcome result(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).getResult(OrderOutcome.class);
    }

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    /** What the database would record of an order, by default as it stood after checkout. */
    static final class Recorded {

        Instant rebuiltAt;
        OrderStatus status;
        OrderItem item;
        boolean switched;
        boolean released;
        boolean releaseReminderSent;
        boolean fulfilmentRequested;
        String paymentMethod;
        long paid;
        int chargeAttempts;
        String lastPaymentError;
        OrderRecord.DeclinedCharge declinedCharge;
        int allocatedUnits;
        List<Long> allocationIds = List.of();
        java.time.LocalDate promisedDate;
        Instant releaseAt;
        int delays;
        int decisionsSettled;
        String rewardCode;
        OpenDecision openDecision;
        Map<String, Integer> timelineCounts = Map.of();
        int lastEventSequence;
        boolean confirmationSent = true;
        long balancePaid;

        static Recorded of(PlaceOrderInput placed, OrderStatus status) {
            Recorded record = new Recorded();
            record.rebuiltAt = Instant.parse("2026-01-01T00:00:00Z");
            record.status = status;
            record.item = new OrderItem(placed.sku(), placed.productName(), placed.unitPrice());
            record.paymentMethod = placed.paymentMethod();
            record.promisedDate = placed.promisedDate();
            record.releaseAt = placed.releaseAt();
            return record;
        }

        OrderRecord build() {
            return new OrderRecord(
                    rebuiltAt,
                    status,
                    item,
                    switched,
                    released,
                    releaseReminderSent,
                    fulfilmentRequested,
                    paymentMethod,
                    paid,
                    0,
                    chargeAttempts,
                    0,
                    lastPaymentError,
                    declinedCharge,
                    allocatedUnits,
                    allocationIds,
                    promisedDate,
                    releaseAt,
                    delays,
                    0,
                    null,
                    0,
                    decisionsSettled,
                    rewardCode,
                    List.of(),
                    openDecision,
                    timelineCounts,
                    lastEventSequence,
                    confirmationSent,
                    balancePaid);
        }
    }

    /** The order's timeline keys as written, status changes and events alike. */
    static class RecordingTimeline implements TimelineActivities {

        final List<String> keys = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void recordStatus(StatusChange change) {
            keys.add(change.eventKey());
        }

        @Override
        public void recordEvent(OrderEvent event) {
            keys.add(event.eventKey());
        }

        @Override
        public void recordPaymentMethod(PaymentMethodRecord record) {}
    }
}
