package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkouts, receipts (some repeated) and cancellations of one product at once, from a barrier start,
 * through the HTTP API; then the stock invariants, read from PostgreSQL.
 */
class StockConcurrencyTest {

    private static final int BUYERS = 6;
    private static final int ORDERS_PER_BUYER = 8;
    private static final int RECEIVERS = 3;
    private static final int CANCELLERS = 2;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void nothingIsOversoldOrAllocatedTwiceUnderConcurrentOrdersReceiptsAndCancellations() throws Exception {
        String sku = product();
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(BUYERS + RECEIVERS + CANCELLERS);
        ExecutorService threads = Executors.newFixedThreadPool(BUYERS + RECEIVERS + CANCELLERS);
        List<Future<?>> work = new ArrayList<>();
        for (int b = 0; b < BUYERS; b++) {
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < ORDERS_PER_BUYER; i++) {
                    String id = "cc-" + UUID.randomUUID();
                    Response response = system.call("POST", "/api/v1/orders", checkout(id, sku, 1 + i % 3), "shop");
                    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
                    placed.add(id);
                }
                return null;
            }));
        }
        for (int r = 0; r < RECEIVERS; r++) {
            int receiver = r;
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 4; i++) {
                    // GRN-shared is posted by every receiver: it must add its units once.
                    String reference = i == 0 ? "GRN-shared" : "GRN-" + receiver + "-" + i;
                    Response response = system.call(
                            "POST",
                            "/admin/v1/products/" + sku + "/receipts",
                            Map.of("quantity", 7, "reference", reference),
                            "admin");
                    assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
                }
                return null;
            }));
        }
        for (int c = 0; c < CANCELLERS; c++) {
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 5; i++) {
                    Thread.sleep(150);
                    String victim = placed.poll();
                    if (victim != null) {
                        Response response = system.call(
                                "POST",
                                "/admin/v1/orders/" + victim + "/cancellation",
                                Map.of("reason", "load test"),
                                "support");
                        assertThat(response.status())
                                .as(response.body().toString())
                                .isIn(200, 409);
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get(5, TimeUnit.MINUTES);
        }
        threads.shutdown();

        long received = system.queryLong("SELECT coalesce(sum(quantity), 0) FROM stock_receipts WHERE sku = ?", sku);
        assertThat(received).as("GRN-shared counted once").isEqualTo(7L * (1 + RECEIVERS * 3));
        assertStockInvariants(sku, received);
        RunningSystem.waitFor(
                "every fully allocated order to be ready to ship",
                Duration.ofSeconds(90),
                () -> system.queryLong("""
                        SELECT count(*) FROM order_stock s JOIN orders o USING (order_id)
                         WHERE s.sku = ? AND s.state = 'ALLOCATED' AND o.status <> 'READY_TO_SHIP'""", sku) == 0);
    }

    private static void assertStockInvariants(String sku, long received) {
        long onHand = system.queryLong("SELECT on_hand FROM products WHERE sku = ?", sku);
        long allocated = system.queryLong("SELECT allocated FROM products WHERE sku = ?", sku);
        long backordered = system.queryLong("SELECT backordered FROM products WHERE sku = ?", sku);

        assertThat(onHand + allocated)
                .as("every received unit is on hand or allocated, once")
                .isEqualTo(received);
        assertThat(allocated)
                .isEqualTo(system.queryLong(
                        "SELECT coalesce(sum(allocated), 0) FROM order_stock WHERE sku = ? AND state IN ('WAITING', 'ALLOCATED')",
                        sku));
        assertThat(backordered)
                .isEqualTo(system.queryLong(
                        "SELECT coalesce(sum(quantity - allocated), 0) FROM order_stock WHERE sku = ? AND state = 'WAITING'",
                        sku));
        assertThat(system.queryLong("""
                SELECT count(*) FROM order_stock s
                 WHERE s.sku = ? AND s.state IN ('WAITING', 'ALLOCATED')
                   AND s.allocated < (SELECT coalesce(sum(a.quantity), 0) FROM allocations a WHERE a.order_id = s.order_id)
                """, sku))
                .as("orders allocated more by receipts than they hold (checkout takes the rest)")
                .isZero();
        if (onHand > 0) {
            assertThat(system.queryLong("SELECT count(*) FROM order_stock WHERE sku = ? AND state = 'WAITING'", sku))
                    .as("free stock while orders wait")
                    .isZero();
        }
    }

    private static String product() {
        return system.backorderableProduct("CC", "Contended kettle", 1_500);
    }

    private static Map<String, Object> checkout(String orderId, String sku, int quantity) {
        return Map.of(
                "orderId",
                orderId,
                "customer",
                Map.of(
                        "id",
                        "c-cc",
                        "name",
                        "Load Test",
                        "email",
                        orderId + "@example.com",
                        "channels",
                        List.of("EMAIL")),
                "sku",
                sku,
                "quantity",
                quantity,
                "paymentPlan",
                "FULL",
                "paymentMethod",
                "pm_card_visa");
    }
}
