package dev.waitwell.workflows.order;

import static dev.waitwell.workflows.order.OrderFixtures.UNIT_PRICE;
import static java.time.temporal.ChronoUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Orders that wait long continue as new and carry on where they were: weekly reminders and monthly slips
 * for a year, in runs that each stay under a low history limit, with every message, key and cent once.
 */
class ContinueAsNewWorkflowTest {

    /** Low, so that a year (about a thousand events) takes several runs. */
    private static final int LIMIT = 150;
    /**
     * A run passes the limit during a step and continues after it: a delay decided, with its messages, takes
     * about 60 events, a few more when a signal races the end of the run.
     */
    private static final int MARGIN = 75;

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

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        InventoryActivities inventory =
                mock(InventoryActivities.class, withSettings().withoutAnnotations());
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(0, List.of()));
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(0, null));
        worker.registerActivitiesImplementations(
                payments,
                messages,
                new SentAtOnce(messages),
                timeline,
                delays,
                inventory,
                mock(OrderActivities.class, withSettings().withoutAnnotations()),
                mock(LedgerActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void aBackorderWaitsAYearThroughWeeklyRemindersAndMonthlySlipsInSmallRunsAndShips() {
        Instant start = now();
        PlaceOrderInput input = backorder("year", 2, LIMIT, start, 20);
        LocalDate promised = input.promisedDate();
        OrderWorkflow order = place(input);
        String firstRun = latestRunId("year");
        List<Instant[]> decisionsOpen = new ArrayList<>();

        for (int slip = 1; slip <= 12; slip++) {
            // Monthly, five hours later each time: no slip falls on a reminder's due time.
            sleepUntil(start.plus(Duration.ofDays(15 + 30L * (slip - 1))).plus(Duration.ofHours(6 + 5L * (slip - 1))));
            if (slip > 2) {
                // A review told again, a run or two later: its date is older than the promise now, and the repeat
                // must not read as good news.
                order.promiseChanged(
                        new PromiseChange("slip-" + (slip - 2), promised.plusDays(30L * (slip - 2)), null, "repeated"));
            }
            Instant opened = now();
            order.promiseChanged(new PromiseChange(
                    "slip-" + slip, promised.plusDays(30L * slip), null, "the supplier slipped again"));
            if (slip == 1) {
                env.sleep(Duration.ofDays(7).plusHours(1));
                decisionsOpen.add(new Instant[] {opened, opened.plus(Duration.ofDays(7))});
            } else {
                env.sleep(Duration.ofHours(1));
                OrderState waiting =
                        order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
                decisionsOpen.add(new Instant[] {opened, now()});
                assertThat(waiting.rewardCode()).isEqualTo("WAIT-year-" + slip);
            }
            if (slip == 6) {
                order.stockAllocated(new StockAllocation(1001, 1));
                env.sleep(Duration.ofMinutes(1));
                assertThat(latestRunId("year"))
                        .as("continued as new by month six")
                        .isNotEqualTo(firstRun);
                OrderState midway = order.state();
                assertThat(midway.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
                assertThat(midway.paid()).isEqualTo(2 * UNIT_PRICE);
                assertThat(midway.promisedDate()).isEqualTo(promised.plusDays(180));
                assertThat(midway.rewardCode()).isEqualTo("WAIT-year-6");
                assertThat(midway.allocatedUnits()).isEqualTo(1);
                assertThat(midway.firstPaymentSettled()).isTrue();
                assertThat(midway.waitingFor()).isEqualTo("stock to be allocated");
                SearchAttributes attributes = searchAttributes("year");
                assertThat(attributes.get(WaitwellSearchAttributes.STATUS)).isEqualTo("AWAITING_STOCK");
                assertThat(attributes.get(WaitwellSearchAttributes.KIND)).isEqualTo("BACKORDER");
                assertThat(attributes.get(WaitwellSearchAttributes.PROMISED_DATE))
                        .isEqualTo(WaitwellSearchAttributes.promised(promised.plusDays(180)));
            }
        }
        sleepUntil(start.plus(Duration.ofDays(365)));
        order.stockAllocated(new StockAllocation(1001, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().allocatedUnits())
                .as("allocation 1001, told again a run later, counts once")
                .isEqualTo(1);
        Instant allocated = now();
        order.stockAllocated(new StockAllocation(1002, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        order.confirmShipment(new Shipment("UPS", "1Z-YEAR"));
        OrderOutcome outcome = result("year");

        assertThat(outcome.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(outcome.paid()).isEqualTo(2 * UNIT_PRICE);
        assertThat(outcome.refunded()).isZero();
        assertThat(payments.charged).hasSize(1);

        List<WorkflowExecutionHistory> runs = runs("year");
        assertThat(runs).as("runs").hasSizeGreaterThanOrEqualTo(5);
        assertEveryRunStaysSmallAndContinuesIntoTheNext(runs);

        List<Instant> expectedReminders = remindersExpected(start, allocated, decisionsOpen);
        assertThat(expectedReminders).as("weekly for a year").hasSizeGreaterThanOrEqualTo(50);
        List<Sent> reminders = messages.of(Milestone.WAIT_REMINDER);
        assertThat(reminders)
                .extracting(Sent::key)
                .containsExactlyElementsOf(numbered("WAIT_REMINDER-", expectedReminders.size()));
        for (int i = 0; i < reminders.size(); i++) {
            assertThat(Duration.between(
                                    expectedReminders.get(i), reminders.get(i).at())
                            .abs())
                    .as("reminder %d on time", i + 1)
                    .isLessThan(Duration.ofMinutes(1));
        }
        assertThat(messages.of(Milestone.DELAY_NOTICE))
                .extracting(Sent::key)
                .containsExactlyElementsOf(numbered("DELAY_NOTICE-", 12));
        assertThat(messages.of(Milestone.DELAY_ACCEPTED))
                .extracting(Sent::key)
                .containsExactlyElementsOf(numbered("DELAY_ACCEPTED-", 12));
        assertThat(messages.of(Milestone.DELAY_ACCEPTED))
                .extracting(s -> s.request().facts().rewardCode())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12)
                        .mapToObj(n -> "WAIT-year-" + n)
                        .toList());
        assertThat(messages.of(Milestone.PROMISE_IMPROVED)).isEmpty();
        assertThat(messages.keys()).doesNotHaveDuplicates();
        assertThat(messages.of(Milestone.SHIPPED)).hasSize(1);
        assertThat(delays.promises)
                .extracting(PromiseRecord::eventKey)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12)
                        .mapToObj(n -> "promise/slip-" + n)
                        .toList());
        timeline.assertEveryKindCountedOnceFromOne();

        SearchAttributes attributes = searchAttributes("year");
        assertThat(attributes.get(WaitwellSearchAttributes.STATUS)).isEqualTo("SHIPPED");
        assertThat(attributes.get(WaitwellSearchAttributes.KIND)).isEqualTo("BACKORDER");
        assertThat(attributes.get(WaitwellSearchAttributes.CUSTOMER_ID)).isEqualTo("c-1");
        assertThat(attributes.get(WaitwellSearchAttributes.SKU)).isEqualTo("CAM-1");
        assertThat(attributes.get(WaitwellSearchAttributes.PROMISED_DATE))
                .isEqualTo(WaitwellSearchAttributes.promised(promised.plusDays(360)));
    }

    @Test
    void aBurstOfAllocationsAcrossContinuesAsNewCountsEveryUnitOnce() {
        OrderWorkflow order = place(backorder("burst", 30, 60, now(), 300));
        String firstRun = latestRunId("burst");

        for (long id = 1; id <= 29; id++) {
            order.stockAllocated(new StockAllocation(id, 1));
            order.stockAllocated(new StockAllocation(id, 1));
        }
        // Time skipping moves on once the order has taken every signal (and continued as new where it could).
        env.sleep(Duration.ofMinutes(1));
        assertThat(latestRunId("burst")).as("continued as new during the burst").isNotEqualTo(firstRun);
        // Every id again, now that an earlier run counted some of them: this run knows those only because they
        // were carried. The count is capped at the quantity, so what tells a double count is that the order
        // no longer waits for its thirtieth unit.
        for (long id = 1; id <= 29; id++) {
            order.stockAllocated(new StockAllocation(id, 1));
        }
        env.sleep(Duration.ofMinutes(1));
        OrderState waiting = order.state();
        assertThat(waiting.allocatedUnits()).isEqualTo(29);
        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);

        order.stockAllocated(new StockAllocation(30, 1));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(order.state().allocatedUnits()).isEqualTo(30);
        timeline.assertEveryKindCountedOnceFromOne();
        assertEveryRunStaysSmallAndContinuesIntoTheNext(runs("burst"));
    }

    @Test
    void signalsAndUpdatesRightAfterAContinueAsNewReachTheNewRun() {
        Instant start = now();
        PlaceOrderInput input = backorder("after", 2, 60, start, 300);
        OrderWorkflow order = place(input);
        String firstRun = latestRunId("after");

        awaitNextRun("after", firstRun, () -> env.sleep(Duration.ofDays(1)));
        order.promiseChanged(new PromiseChange("c1", input.promisedDate().plusDays(10), null, "late ship"));
        order.stockAllocated(new StockAllocation(1, 1));
        env.sleep(Duration.ofHours(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        OrderState waiting = order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(waiting.rewardCode()).isEqualTo("WAIT-after-1");
        order.stockAllocated(new StockAllocation(2, 1));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);

        // Waiting for the warehouse adds nothing to the history by itself: repeated signals fill it up.
        awaitNextRun("after", latestRunId("after"), () -> {
            order.stockAllocated(new StockAllocation(1, 1));
            env.sleep(Duration.ofMinutes(1));
        });
        OrderState ready = order.state();
        assertThat(ready.status()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(ready.allocatedUnits()).isEqualTo(2);
        assertThat(ready.rewardCode()).isEqualTo("WAIT-after-1");
        order.confirmShipment(new Shipment("DHL", "JD-AFTER"));

        OrderOutcome outcome = result("after");
        assertThat(outcome.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(outcome.paid()).isEqualTo(2 * UNIT_PRICE);
        assertThat(messages.keys()).doesNotHaveDuplicates();
        timeline.assertEveryKindCountedOnceFromOne();
    }

    @Test
    void aPromiseChangeThatArrivesAsTheBudgetRunsOutIsCarriedToTheNextRunAndHandledThere() {
        PlaceOrderInput input = backorder("edge", 2, 60, now(), 300);
        OrderWorkflow order = place(input);
        String firstRun = latestRunId("edge");

        // A repeated signal changes nothing but adds four events (the signal and a workflow task), until the
        // next signal's workflow task is the first past the limit.
        env.sleep(Duration.ofMinutes(1));
        while (client.fetchHistory(OrderWorkflowIds.of("edge")).getEvents().size() + 3 <= 60) {
            order.stockAllocated(new StockAllocation(7, 1));
            env.sleep(Duration.ofMinutes(1));
        }
        assertThat(latestRunId("edge")).isEqualTo(firstRun);
        order.promiseChanged(new PromiseChange("c1", input.promisedDate().plusDays(10), null, "late ship"));
        env.sleep(Duration.ofMinutes(1));

        List<WorkflowExecutionHistory> runs = runs("edge");
        assertThat(runs).hasSize(2);
        String carried = runs.get(1)
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput()
                .getPayloads(0)
                .getData()
                .toStringUtf8();
        assertThat(carried).contains("\"pending\":[{\"changeId\":\"c1\"");
        OrderState deciding = order.state();
        assertThat(deciding.status()).isEqualTo(OrderStatus.AWAITING_DECISION);
        assertThat(deciding.decision().delayNumber()).isEqualTo(1);
        assertThat(deciding.promisedDate()).isEqualTo(input.promisedDate().plusDays(10));
        assertThat(deciding.allocatedUnits()).isEqualTo(1);
        assertThat(messages.of(Milestone.DELAY_NOTICE)).extracting(Sent::key).containsExactly("DELAY_NOTICE-1");
    }

    @Test
    void aSwitchedOrderKeepsItsNewItemAndPriceInTheNextRun() {
        PlaceOrderInput input = backorder("switch", 1, 60, now(), 300);
        OrderWorkflow order = place(input);
        order.promiseChanged(new PromiseChange("c1", null, null, "the supplier is gone"));
        env.sleep(Duration.ofHours(1));
        order.decide(new DelayDecision(
                DelayChoice.SWITCH, "CAM-2", "Camera Two", Money.of(UNIT_PRICE + 3_000, "USD"), "customer", null));
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().status()).isEqualTo(OrderStatus.READY_TO_SHIP);

        awaitNextRun("switch", latestRunId("switch"), () -> {
            order.promiseChanged(new PromiseChange("c1", null, null, "the supplier is gone"));
            env.sleep(Duration.ofMinutes(1));
        });
        OrderState ready = order.state();
        assertThat(ready.sku()).isEqualTo("CAM-2");
        assertThat(ready.total()).isEqualTo(UNIT_PRICE + 3_000);
        assertThat(ready.paid()).isEqualTo(UNIT_PRICE + 3_000);
        assertThat(ready.allocatedUnits()).isEqualTo(1);
        order.confirmShipment(new Shipment("UPS", "1Z-SWITCH"));

        assertThat(result("switch").paid()).isEqualTo(UNIT_PRICE + 3_000);
        assertThat(messages.of(Milestone.SHIPPED))
                .singleElement()
                .satisfies(
                        shipped -> assertThat(shipped.request().facts().sku()).isEqualTo("CAM-2"));
        assertThat(searchAttributes("switch").get(WaitwellSearchAttributes.SKU)).isEqualTo("CAM-2");
    }

    @Test
    void aPreOrderWhoseReleaseSlippedIsRemindedChargedAndOnCancellationRefundedExactlyOnceAcrossRuns() {
        Instant start = now();
        PlaceOrderInput placed =
                OrderFixtures.preorder("pre", PaymentPlan.DEPOSIT, "pm_card_visa", start, Duration.ofDays(40), 2);
        PlaceOrderInput input =
                OrderFixtures.withTerms(placed, policy(60), placed.promisedDate(), placed.latestAcceptableDate());
        OrderWorkflow order = place(input);
        String firstRun = latestRunId("pre");

        env.sleep(Duration.ofDays(10));
        order.promiseChanged(new PromiseChange(
                "r1",
                input.promisedDate().plusDays(10),
                input.releaseAt().plus(Duration.ofDays(10)),
                "the factory is late"));
        sleepUntil(start.plus(Duration.ofDays(49)));
        assertThat(order.state().released()).isFalse();
        assertThat(latestRunId("pre")).as("continued as new before the release").isNotEqualTo(firstRun);
        sleepUntil(start.plus(Duration.ofDays(50)).plus(Duration.ofHours(1)));
        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        // Cancelled right after a continue-as-new, which repeated signals bring about (each adds to the history).
        awaitNextRun("pre", latestRunId("pre"), () -> {
            order.promiseChanged(new PromiseChange(
                    "r1",
                    input.promisedDate().plusDays(10),
                    input.releaseAt().plus(Duration.ofDays(10)),
                    "the factory is late"));
            env.sleep(Duration.ofMinutes(1));
        });

        assertThat(order.state().released()).isTrue();
        OrderState cancelled = order.cancel(new CancellationRequest("changed my mind", "support"));
        OrderOutcome outcome = result("pre");

        long total = 2 * UNIT_PRICE;
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outcome.paid()).isEqualTo(total);
        assertThat(outcome.refunded()).isEqualTo(total);
        assertThat(payments.totalRefunded()).isEqualTo(total);
        assertThat(payments.refundRequests).hasSize(1);
        assertThat(payments.charged.values())
                .extracting(ChargeRequest::idempotencyKey)
                .containsExactly("pre/charge/deposit-1", "pre/charge/balance-2");
        Instant releasedAt = input.releaseAt().plus(Duration.ofDays(10));
        assertThat(messages.of(Milestone.RELEASE_REMINDER))
                .singleElement()
                .extracting(Sent::at)
                .satisfies(at -> assertThat(at).isCloseTo(releasedAt.minus(Duration.ofDays(3)), within(1, MINUTES)));
        assertThat(messages.of(Milestone.CHARGED))
                .singleElement()
                .extracting(Sent::at)
                .satisfies(at -> assertThat(at).isCloseTo(releasedAt, within(1, MINUTES)));
        assertThat(messages.of(Milestone.DELAY_ACCEPTED)).hasSize(1);
        assertThat(messages.keys()).doesNotHaveDuplicates();
        List<WorkflowExecutionHistory> runs = runs("pre");
        assertEveryRunStaysSmallAndContinuesIntoTheNext(runs);
        assertThat(runs.stream()
                        .skip(1)
                        .map(ContinueAsNewWorkflowTest::resumedPhase)
                        .distinct()
                        .toList())
                .as("the waits later runs resumed")
                .contains(OrderPhase.RELEASE_REMINDER, OrderPhase.STOCK);
    }

    // ---- the orders

    private static OrderPolicy policy(int historyEventLimit) {
        return new OrderPolicy(
                Duration.ofDays(3),
                Duration.ofDays(7),
                Duration.ofDays(7),
                Duration.ofDays(30),
                Duration.ofDays(7),
                10,
                "UTC",
                historyEventLimit);
    }

    /** A backorder paid in full, reminded weekly, that may wait more than a year. */
    private static PlaceOrderInput backorder(
            String orderId, int quantity, int historyEventLimit, Instant now, int promisedInDays) {
        PlaceOrderInput placed =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", now, quantity, 0);
        LocalDate promised = placed.promisedDate().plusDays(promisedInDays - 20);
        return OrderFixtures.withTerms(placed, policy(historyEventLimit), promised, promised.plusDays(400));
    }

    /** Starts the order as the API does, with the search attributes ops filter on, and returns a stub by id. */
    private OrderWorkflow place(PlaceOrderInput input) {
        SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
                .set(WaitwellSearchAttributes.STATUS, OrderStatus.AWAITING_STOCK.name())
                .set(WaitwellSearchAttributes.KIND, input.kind().name())
                .set(WaitwellSearchAttributes.SKU, input.sku())
                .set(WaitwellSearchAttributes.CUSTOMER_ID, input.customer().id());
        OrderWorkflow starter = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(input.orderId()))
                        .setTypedSearchAttributes(attributes.build())
                        .build());
        WorkflowClient.start(starter::fulfil, input);
        starter.awaitCheckout();
        // Like the API: every later call names the workflow id only, so it reaches whichever run is current.
        return AcrossRuns.of(client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(input.orderId())));
    }

    private OrderOutcome result(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).getResult(OrderOutcome.class);
    }

    // ---- runs and their histories

    private String latestRunId(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                .describe()
                .getExecution()
                .getRunId();
    }

    private SearchAttributes searchAttributes(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                .describe()
                .getTypedSearchAttributes();
    }

    /**
     * Does {@code step} until the order runs in a new run; returns that run's id. Steps that signal must give
     * the order time to take each signal: while signals keep coming, Temporal refuses to close the run.
     */
    private String awaitNextRun(String orderId, String runId, Runnable step) {
        for (int i = 0; i < 200; i++) {
            step.run();
            String current = latestRunId(orderId);
            if (!current.equals(runId)) {
                return current;
            }
        }
        throw new AssertionError("order " + orderId + " never continued as new");
    }

    /** Every run of the order, first to last, by walking back from the last one. */
    private List<WorkflowExecutionHistory> runs(String orderId) {
        List<WorkflowExecutionHistory> runs = new ArrayList<>();
        WorkflowExecutionHistory run = client.fetchHistory(OrderWorkflowIds.of(orderId));
        while (true) {
            runs.add(0, run);
            String previous = run.getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
            if (previous.isEmpty()) {
                return runs;
            }
            run = client.fetchHistory(OrderWorkflowIds.of(orderId), previous);
        }
    }

    private static void assertEveryRunStaysSmallAndContinuesIntoTheNext(List<WorkflowExecutionHistory> runs) {
        for (int i = 0; i < runs.size(); i++) {
            List<HistoryEvent> events = runs.get(i).getEvents();
            assertThat(events.size()).as("events of run %d", i + 1).isLessThanOrEqualTo(LIMIT + MARGIN);
            if (i < runs.size() - 1) {
                assertThat(events.get(events.size() - 1).getEventType())
                        .as("how run %d ended", i + 1)
                        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
            }
        }
    }

    /** The wait a continued run resumed, as its input says. */
    static OrderPhase resumedPhase(WorkflowExecutionHistory run) {
        String input = run.getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput()
                .getPayloads(0)
                .getData()
                .toStringUtf8();
        for (OrderPhase phase : OrderPhase.values()) {
            if (input.contains("\"phase\":\"" + phase + "\"")) {
                return phase;
            }
        }
        throw new AssertionError("no phase in " + input);
    }

    // ---- time

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    private void sleepUntil(Instant instant) {
        Duration left = Duration.between(now(), instant);
        if (left.compareTo(Duration.ZERO) > 0) {
            env.sleep(left);
        }
    }

    /**
     * When the weekly reminders fall due: every seven days from checkout, except that a reminder due while a
     * delay decision is open goes out when it closes, and the next one counts from there.
     */
    private static List<Instant> remindersExpected(Instant start, Instant end, List<Instant[]> decisionsOpen) {
        List<Instant> due = new ArrayList<>();
        Instant next = start.plus(Duration.ofDays(7));
        while (true) {
            for (Instant[] open : decisionsOpen) {
                if (!next.isBefore(open[0]) && next.isBefore(open[1])) {
                    next = open[1];
                }
            }
            if (!next.isBefore(end)) {
                return due;
            }
            due.add(next);
            next = next.plus(Duration.ofDays(7));
        }
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> prefix + n).toList();
    }

    // ---- activity fakes that remember what went out

    record Sent(String key, Milestone milestone, Instant at, NotificationRequest request) {}

    /** Every message with the (test server's) time it was sent or queued. */
    static class RecordingMessages implements NotificationActivities {

        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final LongSupplier now;

        /** @param now the test server's time in milliseconds (a queued message is sent at once, in its workflow task) */
        RecordingMessages(LongSupplier now) {
            this.now = now;
        }

        @Override
        public NotificationResult notify(NotificationRequest request) {
            sent.add(new Sent(request.key(), request.milestone(), Instant.ofEpochMilli(now.getAsLong()), request));
            return new NotificationResult(List.of());
        }

        List<Sent> of(Milestone milestone) {
            synchronized (sent) {
                return sent.stream().filter(s -> s.milestone() == milestone).toList();
            }
        }

        List<String> keys() {
            synchronized (sent) {
                return sent.stream().map(Sent::key).toList();
            }
        }
    }

    /** The order's timeline keys ({@code status:<STATUS>#k}, {@code event:<TYPE>#k}) as written. */
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

        /**
         * Every key says what happened, and each kind ({@code status:AWAITING_STOCK}) is counted 1, 2, 3... in the
         * order written, across runs: none repeated, none missing.
         */
        void assertEveryKindCountedOnceFromOne() {
            Map<String, List<Integer>> byKind = new LinkedHashMap<>();
            synchronized (keys) {
                assertThat(keys).allMatch(key -> key.matches("(status|event):[A-Z_]+#[1-9][0-9]*"));
                for (String key : keys) {
                    int hash = key.indexOf('#');
                    byKind.computeIfAbsent(key.substring(0, hash), kind -> new ArrayList<>())
                            .add(Integer.parseInt(key.substring(hash + 1)));
                }
            }
            byKind.forEach((kind, numbers) -> assertThat(numbers)
                    .as("the keys of %s", kind)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
        }
    }
}
