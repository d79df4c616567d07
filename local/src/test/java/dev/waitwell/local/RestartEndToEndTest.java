package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import dev.waitwell.local.RunningSystem.WorkflowRun;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Temporal forgets everything (the local run restarted, a namespace recreated, a cluster restored from an old
 * backup) while orders wait in every state: the worker rebuilds each open order from PostgreSQL, and each goes on
 * to where it would have gone without the restart, with every payment, refund, ledger line and message once. A
 * finished order never runs again.
 */
class RestartEndToEndTest {

    private static final Duration REBUILD_WAIT = Duration.ofSeconds(90);

    private static RunningSystem system;
    private static Shop shop;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.start(Map.of("WAITWELL_RECOVERY_RECONCILE_INTERVAL", "PT5S"));
        shop = new Shop(system);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theApiAndANewWorkerCarryOnWithTheNewTemporalServiceAfterARestart() {
        String sku = shop.backorderProduct("RS-H", 2_000, List.of());
        shop.purchaseOrder(sku, 3);
        String backorder = shop.place("rs-h", sku, "FULL", "pm_card_visa", "BACKORDER");
        String before =
                system.workflowRun(OrderWorkflowIds.of(backorder)).orElseThrow().runId();

        system.restartTemporalAndWorker();

        Optional<WorkflowRun> after = system.workflowRun(OrderWorkflowIds.of(backorder));
        assertThat(after.map(WorkflowRun::runId)).as("Temporal forgot the run").isNotEqualTo(Optional.of(before));
        Response health = system.call("GET", "/actuator/health", null, "ops");
        assertThat(health.body()
                        .path("components")
                        .path("temporal")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        Response worker = system.callWorker("/actuator/health/readiness");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.body()
                        .path("components")
                        .path("temporal")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        String inStock = shop.inStockProduct("RS-H2", 1_500, 1);
        String placedAfter = shop.place("rs-h2", inStock, "FULL", "pm_card_visa", "IN_STOCK");
        shop.awaitStatus(placedAfter, "READY_TO_SHIP");
    }

    @Test
    void everyWaitingOrderIsRebuiltAndEndsAsIfTemporalHadNeverForgotten() {
        Waiting waiting = leaveOrdersWaiting();
        Map<String, OrderRows> before = OrderRows.settled(system, waiting.rebuilt());
        before.forEach((id, rows) -> rows.assertNothingTwice(id));
        long shippedEmails = shop.emailsTo(waiting.shipped()).size();
        OrderRows shippedRows = OrderRows.of(system, waiting.shipped());
        List<String> releasing = releaseAndKillTheWorker(waiting.releaseSku(), waiting.releasing());

        system.restartTemporalAndWorker();

        waiting.rebuilt().forEach(RestartEndToEndTest::awaitRebuilt);
        assertRebuildAddedNothingButItsEntry(waiting, before);
        assertRecoveryIsRefusedWhileTheWorkflowRuns(waiting.backorder());
        assertTheShippedOrderNeverRunsAgain(waiting, shippedRows, shippedEmails);

        carryOn(waiting);

        assertEndsAsWithoutTheRestart(waiting, before);
        releasing.forEach(id -> assertReleasedAndPaidOnce(id, 5_000));
        for (String id : waiting.all()) {
            OrderRows rows = OrderRows.of(system, id);
            rows.assertNothingTwice(id);
            shop.assertEachEmailOnce(id);
        }
        assertThat(system.call("GET", "/admin/v1/ledger", null, "ops")
                        .body()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    /** The orders of every waiting state, and the pre-orders of a product about to be released. */
    private record Waiting(
            String preorder,
            String releaseSku,
            String backorder,
            String purchaseOrder,
            String waits,
            String cancels,
            String declined,
            String ready,
            String shipped,
            Map<String, Object> shippedCheckout,
            List<String> releasing) {

        /** The open orders the worker must rebuild (the released ones are checked on their own). */
        List<String> rebuilt() {
            return List.of(preorder, backorder, waits, cancels, declined, ready);
        }

        List<String> all() {
            return Stream.concat(Stream.concat(rebuilt().stream(), Stream.of(shipped)), releasing.stream())
                    .toList();
        }
    }

    private static Waiting leaveOrdersWaiting() {
        String preorderSku = shop.preorderProduct("RS-PRE", 10_000, 20);
        String preorder = shop.place("rs-pre", preorderSku, "DEPOSIT", "pm_card_visa", "PREORDER");
        String backorderSku = shop.backorderProduct("RS-BO", 4_000, List.of());
        String purchaseOrder = shop.purchaseOrder(backorderSku, 5);
        String backorder = shop.place("rs-bo", backorderSku, "FULL", "pm_card_visa", "BACKORDER");
        String[] delayed = delayedAwaitingDecision();
        String inStock = shop.inStockProduct("RS-IN", 3_000, 10);
        String declined = shop.place("rs-pay", inStock, "FULL", "pm_card_chargeDeclined", "IN_STOCK");
        String ready = shop.place("rs-ready", inStock, "FULL", "pm_card_visa", "IN_STOCK");
        String shipped = "rs-shipped-" + UUID.randomUUID();
        Map<String, Object> shippedCheckout = Shop.checkout(shipped, inStock, "FULL", "pm_card_visa");
        assertThat(system.call("POST", "/api/v1/orders", shippedCheckout, "shop")
                        .status())
                .isEqualTo(201);
        String releaseSku = shop.preorderProduct("RS-REL", 5_000, 20);
        List<String> releasing = IntStream.range(0, 12)
                .mapToObj(i -> shop.place("rs-rel", releaseSku, "DEPOSIT", "pm_card_visa", "PREORDER"))
                .toList();

        shop.awaitStatus(preorder, "AWAITING_RELEASE");
        assertThat(shop.order(preorder).path("paid").asLong()).isEqualTo(2_000);
        shop.awaitStatus(backorder, "AWAITING_STOCK");
        shop.awaitStatus(declined, "AWAITING_PAYMENT");
        assertThat(shop.order(declined).path("paymentIssue").path("code").asText())
                .isEqualTo("card_declined");
        shop.awaitStatus(ready, "READY_TO_SHIP");
        shop.awaitStatus(shipped, "READY_TO_SHIP");
        shop.ship(shipped);
        releasing.forEach(id -> shop.awaitStatus(id, "AWAITING_RELEASE"));
        return new Waiting(
                preorder,
                releaseSku,
                backorder,
                purchaseOrder,
                delayed[0],
                delayed[1],
                declined,
                ready,
                shipped,
                shippedCheckout,
                releasing);
    }

    /** Two backorders whose purchase order slipped: each has a delay decision open. */
    private static String[] delayedAwaitingDecision() {
        String sku = shop.backorderProduct("RS-DL", 4_000, List.of());
        String purchaseOrder = shop.purchaseOrder(sku, 10);
        String waits = shop.place("rs-wait", sku, "FULL", "pm_card_visa", "BACKORDER");
        String cancels = shop.place("rs-cancel", sku, "FULL", "pm_card_visa", "BACKORDER");
        shop.awaitStatus(waits, "AWAITING_STOCK");
        shop.awaitStatus(cancels, "AWAITING_STOCK");
        shop.slip(purchaseOrder);
        for (String id : List.of(waits, cancels)) {
            shop.awaitStatus(id, "AWAITING_DECISION");
            assertThat(shop.order(id).path("decision").isObject()).isTrue();
        }
        return new String[] {waits, cancels};
    }

    /**
     * Releases the product and kills the worker once the release charges its first order, with the others being
     * told and charged: answers the orders of that release.
     */
    private static List<String> releaseAndKillTheWorker(String sku, List<String> orders) {
        shop.releaseUntilFirstCharge(sku, orders);
        system.killWorker();
        System.out.printf(
                "release of %s: %d of %d orders charged, %d ready when the worker was killed%n",
                sku, shop.countChargedSinceRelease(sku, orders), orders.size(), shop.countIn("READY_TO_SHIP", orders));
        return orders;
    }

    private static void awaitRebuilt(String orderId) {
        RunningSystem.waitFor(
                orderId + " to be rebuilt",
                REBUILD_WAIT,
                () -> shop.adminOrder(orderId).path("lastRebuiltAt").isTextual());
        assertThat(system.workflowRun(OrderWorkflowIds.of(orderId)).map(WorkflowRun::status))
                .contains("RUNNING");
    }

    /** A rebuild charges, books and sends nothing: its one timeline entry says it happened. */
    private static void assertRebuildAddedNothingButItsEntry(Waiting waiting, Map<String, OrderRows> before) {
        Map<String, OrderRows> rebuilt = OrderRows.settled(system, waiting.rebuilt());
        for (String id : waiting.rebuilt()) {
            OrderRows added = rebuilt.get(id).since(before.get(id));
            assertThat(added.payments()).as(id + " payments").isEmpty();
            assertThat(added.ledgerLines()).as(id + " ledger").isEmpty();
            assertThat(added.notifications()).as(id + " messages").isEmpty();
            assertThat(added.eventTypes()).as(id + " timeline").containsExactly("WORKFLOW_REBUILT");
            assertThat(rebuilt.get(id).statuses()).isEqualTo(before.get(id).statuses());
        }
    }

    private static void assertRecoveryIsRefusedWhileTheWorkflowRuns(String orderId) {
        Map<String, String> body = Map.of("reason", "the customer says the order is stuck");
        Response asAdmin = system.call("POST", "/admin/v1/orders/" + orderId + "/recovery", body, "admin");
        Response asSupport = system.call("POST", "/admin/v1/orders/" + orderId + "/recovery", body, "support");

        assertThat(asAdmin.status()).as(asAdmin.body().toString()).isEqualTo(409);
        assertThat(asSupport.status()).as(asSupport.body().toString()).isEqualTo(403);
    }

    /** The same checkout again answers from the database: no workflow, no message, nothing recorded. */
    private static void assertTheShippedOrderNeverRunsAgain(Waiting waiting, OrderRows rows, long emails) {
        String workflowId = OrderWorkflowIds.of(waiting.shipped());
        assertThat(system.workflowRun(workflowId)).as("never rebuilt").isEmpty();

        Response again = system.call("POST", "/api/v1/orders", waiting.shippedCheckout(), "shop");

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("status").asText()).isEqualTo("SHIPPED");
        OrderRows.pause(Duration.ofSeconds(3)); // time for a workflow to start and write, had one been started
        assertThat(system.workflowRun(workflowId)).as("no workflow started").isEmpty();
        assertThat(OrderRows.of(system, waiting.shipped())).isEqualTo(rows);
        assertThat(shop.emailsTo(waiting.shipped())).hasSize((int) emails);
        assertThat(shop.adminOrder(waiting.shipped()).path("lastRebuiltAt").isTextual())
                .isFalse();
    }

    /** What would have happened next without the restart: release, receipt, decisions, new card, shipment. */
    private static void carryOn(Waiting waiting) {
        Response released = system.call(
                "POST",
                "/admin/v1/products/"
                        + shop.order(waiting.preorder()).path("sku").asText() + "/release",
                Map.of(),
                "admin");
        assertThat(released.status()).as(released.body().toString()).isEqualTo(202);
        JsonNode receipt = shop.receiveAgainst(waiting.purchaseOrder(), 5);
        assertThat(receipt.path("allocations").toString()).contains(waiting.backorder());
        decide(waiting.waits(), "WAIT");
        decide(waiting.cancels(), "CANCEL");
        Response method = system.call(
                "PUT",
                "/api/v1/orders/" + waiting.declined() + "/payment-method",
                Map.of("paymentMethod", "pm_card_visa"),
                "shop");
        assertThat(method.status()).as(method.body().toString()).isBetween(200, 204);
        shop.ship(waiting.ready());
    }

    private static void decide(String orderId, String choice) {
        Response decided = system.call(
                "POST",
                "/admin/v1/orders/" + orderId + "/decision",
                Map.of("choice", choice, "note", "decided after the restart"),
                "support");
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
    }

    private static void assertEndsAsWithoutTheRestart(Waiting waiting, Map<String, OrderRows> before) {
        shop.awaitStatus(waiting.preorder(), "READY_TO_SHIP");
        shop.awaitStatus(waiting.backorder(), "READY_TO_SHIP");
        shop.awaitStatus(waiting.waits(), "AWAITING_STOCK");
        shop.awaitStatus(waiting.cancels(), "CANCELLED");
        shop.awaitStatus(waiting.declined(), "READY_TO_SHIP");
        shop.awaitStatus(waiting.ready(), "SHIPPED");
        Map<String, OrderRows> after = OrderRows.settled(system, waiting.rebuilt());

        OrderRows preorder = after.get(waiting.preorder());
        assertThat(paymentsAdded(waiting.preorder(), before, after)).hasSize(1);
        assertThat(preorder.succeededCharges("BALANCE")).isEqualTo(1);
        assertThat(preorder.netPaid()).isEqualTo(10_000);
        assertThat(paymentsAdded(waiting.backorder(), before, after)).isEmpty();
        assertThat(after.get(waiting.backorder()).netPaid()).isEqualTo(4_000);
        assertThat(paymentsAdded(waiting.waits(), before, after)).isEmpty();
        assertThat(shop.order(waiting.waits()).path("rewardCode").asText()).isNotBlank();
        assertThat(paymentsAdded(waiting.cancels(), before, after)).hasSize(1).allMatch(p -> p.startsWith("REFUND|"));
        assertThat(after.get(waiting.cancels()).netPaid()).isZero();
        assertThat(paymentsAdded(waiting.declined(), before, after)).hasSize(1);
        assertThat(after.get(waiting.declined()).netPaid()).isEqualTo(3_000);
        OrderRows ready = after.get(waiting.ready());
        assertThat(paymentsAdded(waiting.ready(), before, after)).isEmpty();
        assertThat(ready.ledgerBalance("revenue")).isEqualTo(-3_000);
        assertThat(ready.ledgerBalance("customerDeposits")).isZero();
    }

    private static List<String> paymentsAdded(
            String orderId, Map<String, OrderRows> before, Map<String, OrderRows> after) {
        return after.get(orderId).since(before.get(orderId)).payments();
    }

    /** A pre-order of the release the worker died in: told once, charged its balance once. */
    private static void assertReleasedAndPaidOnce(String orderId, long price) {
        shop.awaitStatus(orderId, "READY_TO_SHIP");
        OrderRows rows = OrderRows.settled(system, List.of(orderId)).get(orderId);
        assertThat(rows.succeededCharges("DEPOSIT")).as(orderId).isEqualTo(1);
        assertThat(rows.succeededCharges("BALANCE")).as(orderId).isEqualTo(1);
        assertThat(rows.netPaid()).as(orderId).isEqualTo(price);
    }
}
