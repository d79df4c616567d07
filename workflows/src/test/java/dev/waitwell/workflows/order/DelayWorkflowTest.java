package dev.waitwell.workflows.order;

import static dev.waitwell.workflows.order.OrderFixtures.UNIT_PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.RewardCode;
import dev.waitwell.workflows.delay.RewardRequest;
import dev.waitwell.workflows.delay.SwitchOutcome;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Every branch of the delay process, with time skipping: backorders promised 20 days out, limit 60. */
class DelayWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakePayments payments = new FakePayments();
    private final InventoryActivities inventory =
            mock(InventoryActivities.class, withSettings().withoutAnnotations());
    private final NotificationActivities notifications =
            mock(NotificationActivities.class, withSettings().withoutAnnotations());
    private final RecordingDelays delays = new RecordingDelays();

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;
    private LocalDate promised;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(0, List.of()));
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(0, null));
        worker.registerActivitiesImplementations(
                payments,
                inventory,
                notifications,
                new SentAtOnce(notifications),
                delays,
                mock(OrderActivities.class, withSettings().withoutAnnotations()),
                mock(TimelineActivities.class, withSettings().withoutAnnotations()),
                mock(LedgerActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void silenceOnAFirstShortDelayCountsAsWaitingAndEarnsTheReward() {
        OrderWorkflow order = backorder("d-silent", "pm_card_visa");

        order.promiseChanged(new PromiseChange("c1", promised.plusDays(10), null, "the supplier's ship is late"));
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(order.state().decision().silenceMeansWait()).isTrue();
        NotificationRequest notice = sent(Milestone.DELAY_NOTICE);
        assertThat(notice.facts().promisedDate()).isEqualTo(promised.plusDays(10));
        assertThat(notice.facts().reason()).isEqualTo("the supplier's ship is late");
        assertThat(notice.facts().choices()).containsExactly(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL);

        env.sleep(Duration.ofDays(7));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(order.state().rewardCode()).isEqualTo("WAIT-d-silent-1");
        assertThat(sent(Milestone.DELAY_ACCEPTED).facts().rewardCode()).isEqualTo("WAIT-d-silent-1");
        assertThat(delays.promises).extracting(PromiseRecord::promisedDate).containsExactly(promised.plusDays(10));
    }

    @Test
    void aSecondDelayNeedsAnExplicitWaitAndSilenceThenCancelsWithAFullRefund() {
        OrderWorkflow order = backorder("d-second", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(5), null, "late ship"));
        env.sleep(Duration.ofDays(8));
        order.promiseChanged(new PromiseChange("c2", promised.plusDays(9), null, "customs"));
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().decision().silenceMeansWait()).isFalse();

        env.sleep(Duration.ofDays(7));

        OrderOutcome outcome = WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.refunded()).isEqualTo(UNIT_PRICE);
        assertThat(sent(Milestone.CANCELLED).facts().reason()).contains("no answer to the delay notice");
    }

    @Test
    void anExplicitWaitOnASecondDelayKeepsTheOrder() {
        OrderWorkflow order = backorder("d-explicit", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(5), null, "late ship"));
        env.sleep(Duration.ofDays(8));
        order.promiseChanged(new PromiseChange("c2", promised.plusDays(9), null, "customs"));
        env.sleep(Duration.ofHours(1));

        OrderState waiting = order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));

        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(waiting.rewardCode()).isEqualTo("WAIT-d-explicit-2");
        assertThatThrownBy(
                        () -> order.decide(new DelayDecision(DelayChoice.CANCEL, null, null, null, "customer", null)))
                .isInstanceOf(WorkflowUpdateException.class);
        order.stockAllocated(new StockAllocation(1, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
    }

    @Test
    void anUnknownDateNeedsAnExplicitWait() {
        OrderWorkflow order = backorder("d-unknown", "pm_card_visa");

        order.promiseChanged(new PromiseChange("c1", null, null, "the supplier cancelled the shipment"));
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().decision().silenceMeansWait()).isFalse();
        assertThat(sent(Milestone.DELAY_NOTICE).facts().promisedDate()).isNull();
        env.sleep(Duration.ofDays(8));

        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aDateBeyondTheMaximumWaitOffersOnlySwitchOrCancelAndSilenceCancels() {
        OrderWorkflow order = backorder("d-beyond", "pm_card_visa");

        order.promiseChanged(new PromiseChange("c1", promised.plusDays(45), null, "factory fire"));
        env.sleep(Duration.ofHours(1));

        assertThat(order.state().decision().choices()).containsExactly(DelayChoice.SWITCH, DelayChoice.CANCEL);
        assertThatThrownBy(() -> order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("not offered");
        env.sleep(Duration.ofDays(8));
        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).refunded())
                .isEqualTo(UNIT_PRICE);
    }

    @Test
    void cancellingAfterADelayRefundsEverything() {
        OrderWorkflow order = backorder("d-cancel", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(10), null, "late ship"));
        env.sleep(Duration.ofHours(1));

        OrderState cancelled = order.decide(new DelayDecision(DelayChoice.CANCEL, null, null, null, "customer", null));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(payments.totalRefunded()).isEqualTo(UNIT_PRICE);
    }

    @Test
    void switchingToADearerAlternativeChargesTheDifferenceAndShipsIt() {
        OrderWorkflow order = backorder("d-up", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(10), null, "late ship"));
        env.sleep(Duration.ofHours(1));

        OrderState switched = order.decide(new DelayDecision(
                DelayChoice.SWITCH, "CAM-2", "Camera Two", Money.of(UNIT_PRICE + 3_000, "USD"), "customer", null));

        assertThat(switched.sku()).isEqualTo("CAM-2");
        assertThat(switched.total()).isEqualTo(UNIT_PRICE + 3_000);
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().paid()).isEqualTo(UNIT_PRICE + 3_000);
        assertThat(delays.switches).extracting(SwitchRequest::toSku).containsExactly("CAM-2");
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(sent(Milestone.SWITCHED).facts().amount()).isEqualTo(Money.of(3_000, "USD"));
    }

    @Test
    void switchingToACheaperAlternativeRefundsTheDifference() {
        OrderWorkflow order = backorder("d-down", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(10), null, "late ship"));
        env.sleep(Duration.ofHours(1));

        OrderState switched = order.decide(new DelayDecision(
                DelayChoice.SWITCH,
                "CAM-0",
                "Camera Zero",
                Money.of(UNIT_PRICE - 5_000, "USD"),
                "support",
                "customer phoned"));

        assertThat(switched.sku()).isEqualTo("CAM-0");
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().refunded()).isEqualTo(5_000);
        assertThat(payments.totalRefunded()).isEqualTo(5_000);
        order.confirmShipment(new Shipment("UPS", "1Z"));
        assertThat(WorkflowStub.fromTyped(order).getResult(OrderOutcome.class).status())
                .isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aSwitchToAnAlternativeThatSoldOutKeepsTheDecisionOpen() {
        OrderWorkflow order = backorder("d-soldout", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", null, null, "supplier gone"));
        env.sleep(Duration.ofHours(1));

        OrderState afterFailedSwitch = order.decide(new DelayDecision(
                DelayChoice.SWITCH, "CAM-9", "Camera Nine", Money.of(UNIT_PRICE, "USD"), "customer", null));

        assertThat(afterFailedSwitch.status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(afterFailedSwitch.decision()).isNotNull();
        OrderState cancelled = order.decide(new DelayDecision(DelayChoice.CANCEL, null, null, null, "customer", null));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(payments.totalRefunded()).isEqualTo(UNIT_PRICE);
    }

    @Test
    void aDecisionDuringACancellationIsRefused() {
        OrderWorkflow order = backorder("d-cancelling", "pm_card_visa");
        order.promiseChanged(new PromiseChange("c1", promised.plusDays(3), null, "late ship"));
        env.sleep(Duration.ofHours(1));
        order.cancel(new CancellationRequest("customer phoned", "support"));
        // Wait for the workflow to close: an update racing a closing workflow can hang on the test server.
        OrderOutcome outcome = WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);

        assertThatThrownBy(() -> order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null)))
                .isInstanceOf(io.temporal.client.WorkflowException.class);
        assertThat(outcome.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anEarlierDateIsGoodNewsAndOpensNoDecision() {
        OrderWorkflow order = backorder("d-earlier", "pm_card_visa");

        order.promiseChanged(new PromiseChange("c1", promised.minusDays(5), null, "the ship is early"));
        order.promiseChanged(new PromiseChange("c1", promised.minusDays(5), null, "the ship is early"));
        env.sleep(Duration.ofHours(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(order.state().promisedDate()).isEqualTo(promised.minusDays(5));
        assertThat(milestones()).containsExactly(Milestone.CONFIRMED, Milestone.PROMISE_IMPROVED);
    }

    @Test
    void thePromisedDatePassingWithoutStockIsADelayWithAnUnknownDate() {
        OrderWorkflow order = backorder("d-overdue", "pm_card_visa");

        env.sleep(Duration.ofDays(21).plusHours(2));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(order.state().decision().newDate()).isNull();
        assertThat(milestones()).contains(Milestone.WAIT_REMINDER, Milestone.DELAY_NOTICE);
    }

    @Test
    void aSlipDuringAPaymentRetryIsDecidedOnceThePaymentIsSettled() {
        OrderWorkflow order = backorder("d-payment", FakePayments.DECLINING_METHOD);
        assertThat(order.awaitCheckout().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        order.promiseChanged(new PromiseChange("c1", promised.plusDays(10), null, "late ship"));
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", "shop"));
        env.sleep(Duration.ofHours(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(order.state().paid()).isEqualTo(UNIT_PRICE);
    }

    private OrderWorkflow backorder(String orderId, String method) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        PlaceOrderInput input =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, method, now, 1, 0);
        promised = input.promisedDate();
        WorkflowClient.start(order::fulfil, input);
        order.awaitCheckout();
        return order;
    }

    private List<Milestone> milestones() {
        return sentRequests().stream().map(NotificationRequest::milestone).toList();
    }

    private NotificationRequest sent(Milestone milestone) {
        return sentRequests().stream()
                .filter(r -> r.milestone() == milestone)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(milestone + " not sent; sent: " + milestones()));
    }

    private List<NotificationRequest> sentRequests() {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        org.mockito.Mockito.verify(notifications, org.mockito.Mockito.atLeast(0))
                .notify(sent.capture());
        return sent.getAllValues();
    }

    /** Records promises and switches; reward codes name the order and delay; CAM-9 is never in stock. */
    static class RecordingDelays implements DelayActivities {

        final List<PromiseRecord> promises = new ArrayList<>();
        final List<SwitchRequest> switches = new ArrayList<>();
        private final Map<String, String> rewards = new ConcurrentHashMap<>();

        @Override
        public synchronized void recordPromise(PromiseRecord record) {
            promises.add(record);
        }

        @Override
        public RewardCode issueReward(RewardRequest request) {
            String code = rewards.computeIfAbsent(
                    request.orderId() + "/" + request.delayNumber(),
                    key -> "WAIT-" + request.orderId() + "-" + request.delayNumber());
            return new RewardCode(code, request.percent());
        }

        @Override
        public synchronized SwitchOutcome switchItem(SwitchRequest request) {
            if (request.toSku().equals("CAM-9")) {
                throw BusinessFailure.OUT_OF_STOCK.raise("CAM-9 is out of stock");
            }
            switches.add(request);
            return new SwitchOutcome(null);
        }
    }
}
