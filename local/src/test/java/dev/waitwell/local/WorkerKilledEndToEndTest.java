package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker is killed (SIGKILL: no graceful stop, work in hand dropped) while a receipt's allocation is being
 * fanned out to its orders and while a release's charges are being made, then started again: Temporal still has
 * the workflows, and every order ends allocated and charged exactly once.
 */
class WorkerKilledEndToEndTest {

    private static final int ORDERS = 12;
    private static final Duration RECOVERY_WAIT = Duration.ofMinutes(3);

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
    void aWorkerKilledWhileAReceiptIsAllocatedLosesAndDoublesNothing() {
        String sku = shop.backorderProduct("WK-BO", 2_500, List.of());
        String purchaseOrder = shop.purchaseOrder(sku, ORDERS);
        // Charged when allocated: the fan-out's signals start charges, so the kill lands among them too.
        List<String> orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> shop.place("wk-bo", sku, "PAY_LATER", "pm_card_visa", "BACKORDER"))
                .toList();
        orders.forEach(id -> shop.awaitStatus(id, "AWAITING_STOCK"));

        JsonNode receipt = shop.receiveAgainst(purchaseOrder, ORDERS);
        system.killWorker();
        report("receipt", orders);
        system.startWorker();

        assertThat(receipt.path("allocations").size()).isEqualTo(ORDERS);
        for (String id : orders) {
            awaitStatus(id, "READY_TO_SHIP");
            assertThat(system.queryLong("SELECT count(*) FROM allocations WHERE order_id = ?", id))
                    .as(id + " allocations")
                    .isEqualTo(1);
            assertThat(shop.order(id).path("allocatedUnits").asInt()).isEqualTo(1);
            assertChargedOnce(id, 2_500);
        }
        JsonNode stock = system.call("GET", "/admin/v1/products/" + sku, null, "admin")
                .body()
                .path("stock");
        assertThat(stock.path("allocated").asInt()).isEqualTo(ORDERS);
        assertThat(stock.path("onHand").asInt()).isZero();
        assertThat(stock.path("backordered").asInt()).isZero();
        assertLedgerBalances();
    }

    @Test
    void aWorkerKilledWhileAReleaseChargesItsPreordersChargesEachOnce() {
        String sku = shop.preorderProduct("WK-REL", 6_000, 20);
        List<String> orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> shop.place("wk-rel", sku, "PAY_LATER", "pm_card_visa", "PREORDER"))
                .toList();
        orders.forEach(id -> shop.awaitStatus(id, "AWAITING_RELEASE"));

        shop.releaseUntilFirstCharge(sku, orders);
        system.killWorker();
        report("release", orders);
        system.startWorker();

        for (String id : orders) {
            awaitStatus(id, "READY_TO_SHIP");
            assertChargedOnce(id, 6_000);
        }
        assertLedgerBalances();
    }

    private static void awaitStatus(String orderId, String status) {
        try {
            RunningSystem.waitFor(
                    orderId + " to be " + status, RECOVERY_WAIT, () -> status.equals(shop.status(orderId)));
        } catch (AssertionError stuck) {
            throw new AssertionError(
                    stuck.getMessage() + "\n" + system.workflowHistory(OrderWorkflowIds.of(orderId)), stuck);
        }
    }

    /** One successful charge of the whole price, booked once, each message once. */
    private static void assertChargedOnce(String orderId, long price) {
        OrderRows rows = OrderRows.settled(system, List.of(orderId)).get(orderId);
        rows.assertNothingTwice(orderId);
        assertThat(rows.payments().stream().filter(p -> p.startsWith("CHARGE|") && p.contains("|SUCCEEDED|")))
                .as(orderId + " charges")
                .hasSize(1);
        assertThat(rows.netPaid()).as(orderId + " paid").isEqualTo(price);
        assertThat(shop.order(orderId).path("paid").asLong()).isEqualTo(price);
        shop.assertEachEmailOnce(orderId);
    }

    private static void assertLedgerBalances() {
        assertThat(system.call("GET", "/admin/v1/ledger", null, "ops")
                        .body()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    private static void report(String what, List<String> orders) {
        long charged = orders.stream()
                .filter(id -> system.queryLong(
                                "SELECT count(*) FROM payments WHERE order_id = ? AND status = 'SUCCEEDED'", id)
                        > 0)
                .count();
        System.out.printf(
                "%s: %d of %d orders charged, %d ready when the worker was killed%n",
                what, charged, orders.size(), shop.countIn("READY_TO_SHIP", orders));
    }
}
