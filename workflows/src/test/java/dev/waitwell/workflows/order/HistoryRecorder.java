package dev.waitwell.workflows.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeResolution;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories that {@link OrderWorkflowReplayTest} replays. Run it before a change to the
 * workflow, never after, and commit the files:
 * {@code ./mvnw -pl workflows test -Dtest=HistoryRecorder -Dwaitwell.record-histories=true}. That records every
 * scenario under {@link #RECORDING} and overwrites the files of that prefix already committed; to add one
 * scenario to a prefix, run only its method ({@code -Dtest='HistoryRecorder#itsMethod'}).
 */
@EnabledIfSystemProperty(named = "waitwell.record-histories", matches = "true")
class HistoryRecorder {

    static final Path HISTORIES = Path.of("src/test/resources/histories");

    /**
     * The prefix of the files this run writes: the workflow version they record. Bump it with every
     * {@code Workflow.getVersion} change so the older histories stay beside the new ones.
     */
    static final String RECORDING = "v11";

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
        worker.registerActivitiesImplementations(
                payments,
                notifications,
                new SentAtOnce(notifications),
                mock(OrderActivities.class, withSettings().withoutAnnotations()),
                mock(TimelineActivities.class, withSettings().withoutAnnotations()),
                inventory(),
                new DelayWorkflowTest.RecordingDelays(),
                mock(LedgerActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    private static InventoryActivities inventory() {
        InventoryActivities inventory =
                mock(InventoryActivities.class, withSettings().withoutAnnotations());
        when(inventory.releaseUnits(any())).thenReturn(new dev.waitwell.workflows.inventory.ReturnedUnits(0, null));
        when(inventory.allocationsOf(any()))
                .thenReturn(new dev.waitwell.workflows.inventory.OrderAllocations(0, List.of()));
        return inventory;
    }

    /** v5: a cancellation that came with the start (recorded under v4 by the code before early messages too). */
    @Test
    void cancelledWithTheStart() throws IOException {
        String orderId = "history-cancelled-with-the-start";
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                        .build());
        PlaceOrderInput input =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now(), Duration.ofDays(30), 2);
        WorkflowClient.startUpdateWithStart(
                        order::cancel,
                        new CancellationRequest("changed my mind", "support"),
                        UpdateOptions.<OrderState>newBuilder()
                                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                                .build(),
                        new WithStartWorkflowOperation<>(order::fulfil, input))
                .getResult();
        save("cancelled-with-the-start", order, OrderWorkflowIds.of(orderId));
    }

    /** v5: a release that came with a continued run's start is kept (before v5 it was lost: see the v4 history). */
    @Test
    void continuedRunReleasedWithTheStart() throws IOException {
        String orderId = "history-continued-run-released-with-the-start";
        PlaceOrderInput placed =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now(), Duration.ofDays(30), 2);
        client.newUntypedWorkflowStub(
                        "OrderWorkflow",
                        WorkflowOptions.newBuilder(options)
                                .setWorkflowId(OrderWorkflowIds.of(orderId))
                                .build())
                .signalWithStart("productReleased", new Object[0], new Object[] {
                    OrderFixtures.continuedWhileAwaitingRelease(placed, now().plus(Duration.ofDays(14)))
                });
        env.sleep(Duration.ofDays(1));
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId));
        order.cancel(new CancellationRequest("changed my mind", "support"));
        save("continued-run-released-with-the-start", order, OrderWorkflowIds.of(orderId));
    }

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    /** v6: the customer's bank asks them to confirm the deposit at checkout; the processor resolves it. */
    @Test
    void depositAuthenticatedAtCheckout() throws IOException {
        record("deposit-authenticated-at-checkout", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD, order -> {
            String key = "history-deposit-authenticated-at-checkout/charge/deposit-1";
            payments.authenticate(key);
            order.chargeResolved(new ChargeResolution(key, true));
            order.cancel(new CancellationRequest("customer asked", "support"));
        });
    }

    /** v6: a PAY_LATER checkout saves the method; the balance waits on the bank until support checks it again. */
    @Test
    void payLaterSavedThenBalanceAuthenticated() throws IOException {
        record(
                "pay-later-saved-balance-authenticated",
                PaymentPlan.PAY_LATER,
                FakePayments.AUTHENTICATING_METHOD,
                order -> {
                    order.productReleased();
                    env.sleep(Duration.ofHours(1));
                    payments.authenticate("history-pay-later-saved-balance-authenticated/charge/balance-1");
                    order.retryPayment(new PaymentRetry("support"));
                    order.stockAllocated(new StockAllocation(1, 2));
                    env.sleep(Duration.ofMinutes(1));
                    order.confirmShipment(new Shipment("UPS", "1Z999"));
                });
    }

    /** v7: a pre-order rebuilt from the database while its declined deposit waited; paid, released and shipped. */
    @Test
    void rebuiltWhileTheDepositWaitedThenPaidReleasedAndShipped() throws IOException {
        String orderId = "history-rebuilt-deposit-paid-released-shipped";
        PlaceOrderInput placed = OrderFixtures.preorder(
                orderId, PaymentPlan.DEPOSIT, FakePayments.DECLINING_METHOD, now(), Duration.ofDays(30), 2);
        RebuiltOrderWorkflowTest.Recorded record =
                RebuiltOrderWorkflowTest.Recorded.of(placed, OrderStatus.AWAITING_PAYMENT);
        record.chargeAttempts = 1;
        record.lastPaymentError = "Your card was declined.";
        record.declinedCharge = new OrderRecord.DeclinedCharge(
                ChargePurpose.DEPOSIT,
                "deposit-1",
                placed.firstPayment().amountMinor(),
                now().minus(Duration.ofDays(1)),
                false);
        record.timelineCounts = Map.of("event:PAYMENT_DECLINED", 1, "status:AWAITING_PAYMENT", 1);
        OrderWorkflow order = startRebuilt(placed.rebuiltFrom(record.build()));
        order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", PaymentMethodChange.BY_THE_CUSTOMER));
        order.productReleased();
        env.sleep(Duration.ofHours(1));
        order.stockAllocated(new StockAllocation(1, 2));
        env.sleep(Duration.ofMinutes(1));
        order.confirmShipment(new Shipment("UPS", "1Z999"));
        save("rebuilt-deposit-paid-released-shipped", order, OrderWorkflowIds.of(orderId));
    }

    /** v7: a backorder rebuilt from the database with a delay decision open; the customer waits; it ships. */
    @Test
    void rebuiltWithADecisionOpenThenWaitedAllocatedAndShipped() throws IOException {
        String orderId = "history-rebuilt-decision-waited-shipped";
        PlaceOrderInput placed =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", now(), 2, 0);
        RebuiltOrderWorkflowTest.Recorded record =
                RebuiltOrderWorkflowTest.Recorded.of(placed, OrderStatus.AWAITING_DECISION);
        record.paid = placed.total().amountMinor();
        record.chargeAttempts = 1;
        record.delays = 1;
        record.allocatedUnits = 1;
        record.allocationIds = List.of(1L);
        record.promisedDate = placed.promisedDate().plusDays(10);
        record.openDecision = new OpenDecision(
                1,
                record.promisedDate,
                "late ship",
                List.of(DelayChoice.WAIT, DelayChoice.CANCEL),
                now().plus(Duration.ofDays(5)),
                true);
        record.timelineCounts = Map.of("status:AWAITING_STOCK", 1, "status:AWAITING_DECISION", 1);
        OrderWorkflow order = startRebuilt(placed.rebuiltFrom(record.build()));
        order.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        order.stockAllocated(new StockAllocation(2, 1));
        env.sleep(Duration.ofMinutes(1));
        order.confirmShipment(new Shipment("UPS", "1Z999"));
        save("rebuilt-decision-waited-shipped", order, OrderWorkflowIds.of(orderId));
    }

    private OrderWorkflow startRebuilt(PlaceOrderInput rebuilt) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(rebuilt.orderId()))
                        .build());
        WorkflowClient.start(order::fulfil, rebuilt);
        order.awaitCheckout();
        return order;
    }

    @Test
    void depositReleasedByTimerAndShipped() throws IOException {
        record("deposit-released-by-timer-shipped", PaymentPlan.DEPOSIT, "pm_card_visa", order -> {
            env.sleep(Duration.ofDays(30).plusHours(1));
            order.stockAllocated(new StockAllocation(1, 2));
            env.sleep(Duration.ofMinutes(1));
            order.confirmShipment(new Shipment("UPS", "1Z999"));
        });
    }

    @Test
    void payLaterDeclinedThenNewMethodThenCancelled() throws IOException {
        record(
                "pay-later-declined-new-method-cancelled",
                PaymentPlan.PAY_LATER,
                FakePayments.DECLINING_METHOD,
                order -> {
                    order.productReleased();
                    order.stockAllocated(new StockAllocation(1, 2));
                    env.sleep(Duration.ofHours(1));
                    order.retryPayment(new PaymentRetry("support"));
                    order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", "shop"));
                    env.sleep(Duration.ofMinutes(1));
                    order.cancel(new CancellationRequest("customer asked", "support"));
                });
    }

    @Test
    void backorderAllocatedInTwoPartsAndShipped() throws IOException {
        String orderId = "history-backorder";
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        WorkflowClient.start(
                order::fulfil,
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.PAY_LATER, "pm_card_visa", now, 2, 0));
        order.awaitCheckout();
        env.sleep(Duration.ofDays(12));
        order.stockAllocated(new StockAllocation(1, 1));
        order.stockAllocated(new StockAllocation(1, 1));
        order.stockAllocated(new StockAllocation(2, 1));
        env.sleep(Duration.ofHours(1));
        order.confirmShipment(new Shipment("DHL", "JD01"));
        save("backorder-allocated-in-two-parts-shipped", order, OrderWorkflowIds.of(orderId));
    }

    @Test
    void backorderDelayedTwiceWaitingThenSwitching() throws IOException {
        String orderId = "history-delays";
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(OrderWorkflowIds.of(orderId))
                        .build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        PlaceOrderInput input =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", now, 1, 0);
        WorkflowClient.start(order::fulfil, input);
        order.awaitCheckout();
        order.promiseChanged(new PromiseChange("c1", input.promisedDate().minusDays(2), null, "early ship"));
        env.sleep(Duration.ofDays(15));
        order.promiseChanged(new PromiseChange("c2", input.promisedDate().plusDays(5), null, "late ship"));
        env.sleep(Duration.ofDays(8));
        order.promiseChanged(new PromiseChange("c3", null, null, "supplier gone"));
        env.sleep(Duration.ofHours(1));
        order.decide(new DelayDecision(
                DelayChoice.SWITCH,
                "CAM-2",
                "Camera Two",
                dev.waitwell.workflows.shared.Money.of(20_000, "USD"),
                "customer",
                null));
        env.sleep(Duration.ofMinutes(1));
        order.confirmShipment(new Shipment("UPS", "1Z2"));
        save("backorder-delayed-waited-switched-shipped", order, OrderWorkflowIds.of(orderId));
    }

    /**
     * A backorder reminded weekly under a low history limit: the first run ends in continue-as-new, the next
     * runs take a slip, a decision, the stock and the shipment. Every run is saved ({@code -run1}, ...).
     */
    @Test
    void backorderContinuedAsNewThenDelayedAllocatedAndShipped() throws IOException {
        String orderId = "history-continued";
        String workflowId = OrderWorkflowIds.of(orderId);
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        PlaceOrderInput placed =
                OrderFixtures.waiting(orderId, OrderKind.BACKORDER, PaymentPlan.FULL, "pm_card_visa", now, 2, 0);
        PlaceOrderInput input = OrderFixtures.withTerms(
                placed,
                new OrderPolicy(
                        Duration.ofDays(3),
                        Duration.ofDays(7),
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ofDays(7),
                        10,
                        "UTC",
                        60),
                placed.promisedDate().plusDays(60),
                placed.promisedDate().plusDays(200));
        WorkflowClient.start(order::fulfil, input);
        order.awaitCheckout();
        OrderWorkflow current = client.newWorkflowStub(OrderWorkflow.class, workflowId);
        env.sleep(Duration.ofDays(30));
        current.stockAllocated(new StockAllocation(1, 1));
        current.promiseChanged(new PromiseChange("c1", input.promisedDate().plusDays(20), null, "late ship"));
        env.sleep(Duration.ofHours(1));
        current.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        env.sleep(Duration.ofDays(30));
        current.stockAllocated(new StockAllocation(2, 1));
        env.sleep(Duration.ofHours(1));
        current.confirmShipment(new Shipment("UPS", "1Z-CONTINUED"));
        client.newUntypedWorkflowStub(workflowId).getResult(OrderOutcome.class);
        saveRuns("backorder-continued-as-new", workflowId);
    }

    /**
     * A pre-order reminded daily under a low history limit: its runs continue as new while it waits for the
     * pre-release reminder and again, after the reminder, while it waits for the release; the release comes
     * by its timer in a resumed run, which charges the balance, takes the stock and ships.
     */
    @Test
    void preorderContinuedAsNewWhileAwaitingItsReleaseThenReleasedAndShipped() throws IOException {
        String orderId = "history-preorder-continued";
        String workflowId = OrderWorkflowIds.of(orderId);
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        PlaceOrderInput placed =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now, Duration.ofDays(21), 1);
        // The reminder a week ahead and daily reminders: enough history in either wait for a run to pass 60 events.
        PlaceOrderInput input = OrderFixtures.withTerms(
                placed,
                new OrderPolicy(
                        Duration.ofDays(7),
                        Duration.ofDays(7),
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ofDays(1),
                        10,
                        "UTC",
                        60),
                placed.promisedDate(),
                placed.latestAcceptableDate());
        WorkflowClient.start(order::fulfil, input);
        order.awaitCheckout();
        OrderWorkflow current = client.newWorkflowStub(OrderWorkflow.class, workflowId);
        env.sleep(Duration.ofDays(21).plusHours(1));
        current.stockAllocated(new StockAllocation(1, 1));
        env.sleep(Duration.ofMinutes(1));
        current.confirmShipment(new Shipment("UPS", "1Z-PREORDER"));
        client.newUntypedWorkflowStub(workflowId).getResult(OrderOutcome.class);
        List<WorkflowExecutionHistory> runs = saveRuns("preorder-continued-as-new", workflowId);
        List<OrderPhase> resumed = runs.stream()
                .skip(1)
                .map(ContinueAsNewWorkflowTest::resumedPhase)
                .toList();
        if (!resumed.containsAll(List.of(OrderPhase.RELEASE_REMINDER, OrderPhase.RELEASE))) {
            throw new AssertionError("the runs resumed " + resumed + ", not both waits for the release");
        }
    }

    /**
     * A pre-order whose release slips just as its history budget runs out: the run continues as new with the
     * slip pending, and the next run handles it first (delay notice, the customer waits), is released at the
     * new date and ships. Repeats of an earlier review, which change nothing, fill the first run's history.
     */
    @Test
    void preorderCarriesAReleaseSlipPendingAtTheEndOfARunIntoTheNext() throws IOException {
        String orderId = "history-pending-slip";
        String workflowId = OrderWorkflowIds.of(orderId);
        int limit = 80;
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        PlaceOrderInput placed =
                OrderFixtures.preorder(orderId, PaymentPlan.DEPOSIT, "pm_card_visa", now, Duration.ofDays(30), 1);
        PlaceOrderInput input = OrderFixtures.withTerms(
                placed,
                new OrderPolicy(
                        Duration.ofDays(3),
                        Duration.ofDays(7),
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ofDays(7),
                        10,
                        "UTC",
                        limit),
                placed.promisedDate(),
                placed.latestAcceptableDate());
        WorkflowClient.start(order::fulfil, input);
        order.awaitCheckout();
        OrderWorkflow current = client.newWorkflowStub(OrderWorkflow.class, workflowId);
        env.sleep(Duration.ofDays(1));
        PromiseChange early = new PromiseChange(
                "r1",
                input.promisedDate().minusDays(1),
                input.releaseAt().minus(Duration.ofDays(1)),
                "the factory is early");
        current.promiseChanged(early);
        env.sleep(Duration.ofMinutes(1));
        // Each repeat adds its signal and a workflow task (four events), until the next signal's task passes the limit.
        while (client.fetchHistory(workflowId).getEvents().size() + 3 <= limit) {
            current.promiseChanged(early);
            env.sleep(Duration.ofMinutes(1));
        }
        current.promiseChanged(new PromiseChange(
                "r2",
                input.promisedDate().plusDays(10),
                input.releaseAt().plus(Duration.ofDays(10)),
                "the factory is late"));
        env.sleep(Duration.ofHours(1));
        current.decide(new DelayDecision(DelayChoice.WAIT, null, null, null, "customer", null));
        env.sleep(Duration.ofDays(40));
        current.stockAllocated(new StockAllocation(1, 1));
        env.sleep(Duration.ofMinutes(1));
        current.confirmShipment(new Shipment("UPS", "1Z-SLIP"));
        client.newUntypedWorkflowStub(workflowId).getResult(OrderOutcome.class);
        List<WorkflowExecutionHistory> runs = saveRuns("preorder-release-slip-carried-pending", workflowId);
        String secondInput = runs.get(1)
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput()
                .getPayloads(0)
                .getData()
                .toStringUtf8();
        if (!secondInput.contains("\"pending\":[{\"changeId\":\"r2\"")) {
            throw new AssertionError("the second run did not start with the slip pending: " + secondInput);
        }
    }

    @Test
    void fullPaymentDeclinedUntilGraceEnds() throws IOException {
        record(
                "full-declined-grace-expired",
                PaymentPlan.FULL,
                FakePayments.DECLINING_METHOD,
                order -> env.sleep(Duration.ofDays(8)));
    }

    /**
     * Saves every run of a finished order that continued as new ({@code <name>-run1.json}, ...), first to
     * last, by walking back from the last run; returns them in that order.
     */
    private List<WorkflowExecutionHistory> saveRuns(String name, String workflowId) throws IOException {
        List<WorkflowExecutionHistory> runs = new ArrayList<>();
        WorkflowExecutionHistory run = client.fetchHistory(workflowId);
        while (true) {
            runs.add(0, run);
            String previous = run.getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
            if (previous.isEmpty()) {
                break;
            }
            run = client.fetchHistory(workflowId, previous);
        }
        if (runs.size() < 2) {
            throw new AssertionError("order " + workflowId + " never continued as new");
        }
        Files.createDirectories(HISTORIES);
        for (int i = 0; i < runs.size(); i++) {
            Files.writeString(
                    HISTORIES.resolve(RECORDING + "-" + name + "-run" + (i + 1) + ".json"),
                    runs.get(i).toJson(true));
        }
        return runs;
    }

    private void record(String name, PaymentPlan plan, String method, Consumer<OrderWorkflow> scenario)
            throws IOException {
        String workflowId = OrderWorkflowIds.of("history-" + name);
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowOptions.newBuilder(options).setWorkflowId(workflowId).build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        WorkflowClient.start(
                order::fulfil, OrderFixtures.preorder("history-" + name, plan, method, now, Duration.ofDays(30), 2));
        order.awaitCheckout();
        scenario.accept(order);
        save(name, order, workflowId);
    }

    private void save(String name, OrderWorkflow order, String workflowId) throws IOException {
        WorkflowStub.fromTyped(order).getResult(OrderOutcome.class);
        Files.createDirectories(HISTORIES);
        Files.writeString(
                HISTORIES.resolve(RECORDING + "-" + name + ".json"),
                client.fetchHistory(workflowId).toJson(true));
    }
}
