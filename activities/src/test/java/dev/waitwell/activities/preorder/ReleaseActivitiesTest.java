package dev.waitwell.activities.preorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseListener;
import dev.waitwell.workflows.preorder.ReleaseNotices;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class ReleaseActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("releaseActivities") ReleaseActivities releases;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Autowired
    WorkflowClient temporal;

    @Test
    void releaseOfAnUntrackedProductShipsItsPreordersFromLaunchStock() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        String first = fixture.preorder(sku, 2);
        String second = fixture.preorder(sku, 1);

        ReleasedProduct released = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(released.allocation().unitsAllocated()).isEqualTo(3);
        assertThat(released.allocation().ordersAllocated()).isEqualTo(2);
        assertThat(stockOf(first, second)).containsExactly("ALLOCATED 2/2", "ALLOCATED 1/1");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=3 preordered=0 backordered=0");
        assertThat(jdbc.sql("SELECT quantity || ' by ' || received_by || ' batch ' || batch_id FROM stock_receipts "
                                + "WHERE sku = ? AND reference = 'launch'")
                        .param(sku)
                        .query(String.class)
                        .single())
                .isEqualTo("3 by release batch " + released.allocation().batchId());
        assertThat(jdbc.sql("SELECT message FROM order_events WHERE order_id = ? AND type = 'ALLOCATED'")
                        .param(first)
                        .query(String.class)
                        .single())
                .isEqualTo("2 of 2 units allocated from the release");
    }

    @Test
    void releaseOfATrackedProductAllocatesStockOnHandAndTheRestWaitInQueueOrder() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        String early = fixture.preorder(sku, 2);
        String late = fixture.preorder(sku, 2);
        jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '1 hour' WHERE order_id = ?")
                .param(early)
                .update();
        stock.receive(new StockReceipt(sku, 3, "GRN-1", null, "ops"));

        ReleasedProduct released = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(released.allocation().unitsAllocated()).isEqualTo(3);
        assertThat(stockOf(early, late)).containsExactly("ALLOCATED 2/2", "WAITING 1/2");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=3 preordered=0 backordered=1");
        assertThat(jdbc.sql("SELECT count(*) FROM stock_receipts WHERE sku = ? AND reference = 'launch'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void releaseWithNothingOnHandLeavesEveryPreorderWaiting() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        fixture.purchaseOrder(sku, 10);
        String preorder = fixture.preorder(sku, 2);

        ReleasedProduct released = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(released.allocation()).isNull();
        assertThat(released.waitingOrderIds()).containsExactly(preorder);
        assertThat(stockOf(preorder)).containsExactly("WAITING 0/2");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=0 preordered=0 backordered=2");
    }

    @Test
    void aReleaseRunAgainListsOnlyThePreordersNotYetTold() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        String first = fixture.preorder(sku, 1);
        String second = fixture.preorder(sku, 1);
        jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '1 hour' WHERE order_id = ?")
                .param(first)
                .update();
        assertThat(releases.markReleased(new ReleaseRequest(sku, "ops")).waitingOrderIds())
                .containsExactly(first, second);

        // The release told the first pre-order, then Temporal lost it.
        releases.ordersTold(new ReleaseNotices(sku, List.of(first)));

        assertThat(releases.markReleased(new ReleaseRequest(sku, "recovery")).waitingOrderIds())
                .containsExactly(second);
        assertThat(jdbc.sql("SELECT order_id || ':' || (told_at IS NOT NULL) FROM release_notices WHERE sku = ?"
                                + " ORDER BY order_id = ? DESC")
                        .params(sku, first)
                        .query(String.class)
                        .list())
                .containsExactly(first + ":true", second + ":false");
    }

    @Test
    void tellsEachPreorderThroughTemporalRecordsTheBatchAsToldAndCountsTheOnesWithoutAWorkflow() throws Exception {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        String waiting = fixture.preorder(sku, 1);
        String finished = fixture.preorder(sku, 1);
        String gone = fixture.preorder(sku, 1);
        List<String> listed =
                releases.markReleased(new ReleaseRequest(sku, "ops")).waitingOrderIds();
        try (Listeners listeners = new Listeners()) {
            listeners.start(waiting);
            listeners.start(finished);
            listeners.release(finished); // its workflow ended between the listing and the telling

            int closed = listeners.tell(new ReleaseNotices(sku, listed), null);

            assertThat(closed)
                    .as("%s ended and %s has no workflow", finished, gone)
                    .isEqualTo(2);
            listeners.awaitEnd(waiting);
            assertThat(releases.markReleased(new ReleaseRequest(sku, "recovery"))
                            .waitingOrderIds())
                    .as("every one of the batch counts as told, those without a running workflow too")
                    .isEmpty();
        }
    }

    @Test
    void aRetriedTellingGoesOnAfterTheLastOrderItsHeartbeatReported() throws Exception {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        String toldBefore = fixture.preorder(sku, 1);
        String notYet = fixture.preorder(sku, 1);
        List<String> listed =
                releases.markReleased(new ReleaseRequest(sku, "ops")).waitingOrderIds();
        try (Listeners listeners = new Listeners()) {
            listeners.start(toldBefore);
            listeners.start(notYet);

            int closed =
                    listeners.tell(new ReleaseNotices(sku, listed), new ReleaseActivitiesImpl.TellingProgress(1, 0));

            assertThat(closed).isZero();
            listeners.awaitEnd(notYet);
            assertThat(listeners.told(notYet)).isTrue();
            assertThat(listeners.told(toldBefore))
                    .as("the first attempt told %s: the retry does not again", toldBefore)
                    .isFalse();
        }
    }

    @Test
    void tellsMoreOrdersThanItSignalsAtOnceEveryOneOnce() throws Exception {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        List<String> preorders = new java.util.ArrayList<>();
        for (int i = 0; i < ReleaseSignals.AT_ONCE * 2 + 3; i++) {
            preorders.add(fixture.preorder(sku, 1));
        }
        List<String> listed =
                releases.markReleased(new ReleaseRequest(sku, "ops")).waitingOrderIds();
        try (Listeners listeners = new Listeners()) {
            preorders.forEach(listeners::start);

            assertThat(listeners.tell(new ReleaseNotices(sku, listed), null)).isZero();

            for (String orderId : preorders) {
                listeners.awaitEnd(orderId);
            }
            assertThat(releases.markReleased(new ReleaseRequest(sku, "recovery"))
                            .waitingOrderIds())
                    .isEmpty();
        }
    }

    /** Pre-orders' workflows that wait for the release, and {@code tellOrders} run as an activity beside them. */
    private final class Listeners implements AutoCloseable {

        private static final String QUEUE = "release-listeners";
        private final WorkerFactory workers = WorkerFactory.newInstance(temporal);
        private final TestActivityEnvironment activities = TestActivityEnvironment.newInstance();

        Listeners() {
            workers.newWorker(QUEUE).registerWorkflowImplementationTypes(ListeningPreorderImpl.class);
            workers.start();
            activities.registerActivitiesImplementations(releases);
        }

        void start(String orderId) {
            WorkflowClient.start(temporal.newWorkflowStub(
                    ListeningPreorder.class,
                    WorkflowOptions.newBuilder()
                            .setTaskQueue(QUEUE)
                            .setWorkflowId(OrderWorkflowIds.of(orderId))
                            .build())::waitForRelease);
        }

        void release(String orderId) throws Exception {
            temporal.newWorkflowStub(ListeningPreorder.class, OrderWorkflowIds.of(orderId))
                    .productReleased();
            awaitEnd(orderId);
        }

        int tell(ReleaseNotices notices, ReleaseActivitiesImpl.TellingProgress heartbeatOfAnEarlierAttempt) {
            if (heartbeatOfAnEarlierAttempt != null) {
                activities.setHeartbeatDetails(heartbeatOfAnEarlierAttempt);
            }
            return activities
                    .newActivityStub(
                            ReleaseActivities.class,
                            ActivityOptions.newBuilder()
                                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                                    .build())
                    .tellOrders(notices);
        }

        void awaitEnd(String orderId) throws Exception {
            temporal.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).getResult(10, TimeUnit.SECONDS, Void.class);
        }

        /** Whether the listener ended because it was told (one never told still waits). */
        boolean told(String orderId) {
            return temporal.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                            .describe()
                            .getStatus()
                    == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
        }

        @Override
        public void close() {
            activities.close();
            workers.shutdownNow();
        }
    }

    /** A pre-order's workflow as the release sees it: it ends once told. */
    @WorkflowInterface
    public interface ListeningPreorder extends ReleaseListener {

        @WorkflowMethod
        void waitForRelease();
    }

    public static class ListeningPreorderImpl implements ListeningPreorder {

        private boolean released;

        @Override
        public void waitForRelease() {
            Workflow.await(() -> released);
        }

        @Override
        public void productReleased() {
            released = true;
        }
    }

    @Test
    void releasingAgainReturnsTheFirstAllocationAndAllocatesNothingMore() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC));
        fixture.preorder(sku, 2);
        ReleasedProduct first = releases.markReleased(new ReleaseRequest(sku, "ops"));

        ReleasedProduct again = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(again).isEqualTo(first);
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=2 preordered=0 backordered=0");
    }

    @Test
    void earlyReleaseMovesTheReleaseDateToTodayAndListsOpenPreordersOldestFirst() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        String first = fixture.preorder(sku, 1);
        String second = fixture.preorder(sku, 1);
        String shipped = fixture.preorder(sku, 1);
        jdbc.sql("UPDATE orders SET status = 'SHIPPED' WHERE order_id = ?")
                .param(shipped)
                .update();
        jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '1 hour' WHERE order_id = ?")
                .param(second)
                .update();

        ReleasedProduct released = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(released.waitingOrderIds()).containsExactly(second, first);
        assertThat(jdbc.sql("SELECT release_date FROM products WHERE sku = ?")
                        .param(sku)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void releasingTwiceKeepsTheFirstReleaseMoment() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC).minusDays(2));
        releases.markReleased(new ReleaseRequest(sku, null));
        OffsetDateTime firstReleasedAt = releasedAt(sku);

        releases.markReleased(new ReleaseRequest(sku, null));

        assertThat(releasedAt(sku)).isEqualTo(firstReleasedAt);
        assertThat(jdbc.sql("SELECT release_date FROM products WHERE sku = ?")
                        .param(sku)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(2));
    }

    @Test
    void unknownProductCannotBeReleased() {
        assertThatThrownBy(() -> releases.markReleased(new ReleaseRequest("NO-SUCH-SKU", "ops")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("PRODUCT_NOT_FOUND");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
    }

    private List<String> stockOf(String... orderIds) {
        return java.util.Arrays.stream(orderIds)
                .map(orderId -> jdbc.sql(
                                "SELECT state || ' ' || allocated || '/' || quantity FROM order_stock WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .toList();
    }

    private String counters(String sku) {
        return jdbc.sql("""
                        SELECT 'on_hand=' || on_hand || ' allocated=' || allocated || ' preordered=' || preordered
                               || ' backordered=' || backordered
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }

    private OffsetDateTime releasedAt(String sku) {
        return jdbc.sql("SELECT released_at FROM products WHERE sku = ?")
                .param(sku)
                .query(OffsetDateTime.class)
                .single();
    }
}
