package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: N waiting backorders of one product, then one receipt covering them all. Prints
 * how long the allocation took to commit and how long until every order was READY_TO_SHIP. Runs the
 * system as the local run does (worker and API JVMs, Temporal dev service, PostgreSQL). Not part of
 * {@code ./mvnw verify}; see the README for the command.
 */
@Tag("benchmark")
class AllocationBenchmark {

    private static final int CLIENT_THREADS = 16;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void allocatesOneReceiptToManyWaitingBackorders() throws Exception {
        for (String size : System.getProperty("benchmark.orders", "1000,10000").split(",")) {
            run(Integer.parseInt(size.trim()));
        }
    }

    private void run(int orders) throws Exception {
        String sku = product();
        long placingStarted = System.nanoTime();
        placeBackorders(sku, orders);
        double placingSeconds = seconds(placingStarted);

        long receiptStarted = System.nanoTime();
        Response receipt = system.call(
                "POST",
                "/admin/v1/products/" + sku + "/receipts",
                Map.of("quantity", orders, "reference", "BENCH-" + orders),
                "admin");
        double allocationSeconds = seconds(receiptStarted);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        RunningSystem.waitFor(
                "every order READY_TO_SHIP",
                Duration.ofMinutes(30),
                () -> system.queryLong("SELECT count(*) FROM orders WHERE sku = ? AND status = 'READY_TO_SHIP'", sku)
                        == orders);
        double readySeconds = seconds(receiptStarted);

        System.out.printf(
                "%nBENCHMARK allocation, %,d waiting backorders of one sku, one receipt of %,d units:%n",
                orders, orders);
        System.out.printf(
                "  placing the orders (HTTP, %d clients): %8.1f s  (%,.0f orders/s)%n",
                CLIENT_THREADS, placingSeconds, orders / placingSeconds);
        System.out.printf(
                "  receipt answered, allocation committed:  %8.2f s  (%,.0f allocations/s)%n",
                allocationSeconds, orders / allocationSeconds);
        System.out.printf(
                "  until every order was READY_TO_SHIP:     %8.1f s  (%,.0f orders/s)%n%n",
                readySeconds, orders / readySeconds);
    }

    private static void placeBackorders(String sku, int orders) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<Integer>> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = "bench-" + UUID.randomUUID();
            placed.add(clients.submit(() -> system.call(
                            "POST",
                            "/api/v1/orders",
                            Map.of(
                                    "orderId",
                                    orderId,
                                    "customer",
                                    Map.of(
                                            "id",
                                            "c-bench",
                                            "name",
                                            "Bench Mark",
                                            "email",
                                            "bench@example.com",
                                            "channels",
                                            List.of("EMAIL")),
                                    "sku",
                                    sku,
                                    "quantity",
                                    1,
                                    "paymentPlan",
                                    "FULL",
                                    "paymentMethod",
                                    "pm_card_visa"),
                            "shop")
                    .status()));
        }
        for (Future<Integer> status : placed) {
            assertThat(status.get(10, TimeUnit.MINUTES)).isEqualTo(201);
        }
        clients.shutdown();
    }

    private static String product() {
        return system.backorderableProduct("BENCH", "Benchmark kettle", 2_500);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
