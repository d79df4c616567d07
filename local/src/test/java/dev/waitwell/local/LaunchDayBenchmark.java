package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (issue #11): launch day against what Temporal itself can do. For each size N in
 * {@code -Dbenchmark.orders} (default 1,000 and 10,000) it measures the raw Temporal ceiling on the system's own
 * Temporal service ({@link RawTemporalCeiling}), lets it settle, then Waitwell on the same service: N pre-orders
 * placed by 16 clients, the product's release until every one is READY_TO_SHIP, N FULL backorders and one receipt
 * for them all until every one is READY_TO_SHIP; the worker's and the API's heap throughout ({@link HeapWatch}), the
 * system's health afterwards, and the ratios to the ceiling ({@link LaunchDayFigures}). Fails only on wrong answers
 * and orders that never got there: missed targets are a measurement. Not part of {@code ./mvnw verify}; see
 * docs/benchmarks.md for the command.
 */
@Tag("benchmark")
class LaunchDayBenchmark {

    static final int CLIENT_THREADS = 16;
    private static final long PRICE = 2_500;
    private static final int DEPOSIT_PERCENT = 20;
    // Idle pollers and the last ceiling workflows' tasks drain in well under this on the machines measured.
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static LogLevelCounter logs;
    private static RunningSystem system;
    private static Shop shop;

    @BeforeAll
    static void startSystem() throws Exception {
        logs = LogLevelCounter.install();
        system = RunningSystem.shared();
        shop = new Shop(system);
    }

    @Test
    void measuresLaunchDayAgainstTheRawTemporalCeiling() {
        List<LaunchDayFigures> sizes = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch(system)) {
            // Unmeasured: the worker's and the API's code compiled and their pools filled, as after a while in service.
            run(Integer.getInteger("benchmark.warmup", 200), heap);
            for (String size :
                    System.getProperty("benchmark.orders", "1000,10000").split(",")) {
                LaunchDayFigures figures = run(Integer.parseInt(size.trim()), heap);
                figures.printDetails(System.out);
                sizes.add(figures);
            }
        }
        System.out.printf("%n### Launch day: summary%n");
        sizes.forEach(figures -> System.out.print(figures.markdown()));
        System.out.println();
        assertThat(sizes).allMatch(LaunchDayFigures::answeredRightAndFinished, "answered right, every order ready");
    }

    private LaunchDayFigures run(int orders, HeapWatch heap) {
        RawTemporalCeiling.Figures ceiling;
        try (RawTemporalCeiling raw = new RawTemporalCeiling(system.temporalAddress())) {
            ceiling = raw.warmedUp(CLIENT_THREADS).measure(orders, CLIENT_THREADS);
        }
        OrderRows.pause(SETTLE);

        String preorders = shop.preorderProduct("LAUNCH", PRICE, DEPOSIT_PERCENT, orders);
        heap.takePeaks();
        AtomicLong wrongAnswers = new AtomicLong();
        ServiceTimers beforeCheckout = ServiceTimers.scrape(system);
        ServiceTimers apiBeforeCheckout = ServiceTimers.scrapeApi(system);
        CpuTimes cpuBeforeCheckout = CpuTimes.sample(system);
        long checkoutStarted = System.nanoTime();
        long sentBeforeCheckout = settledMessages(preorders);
        LatencyFigures checkout =
                ConcurrentClients.time(orders, CLIENT_THREADS, i -> checkOut(preorders, i, wrongAnswers));
        ServiceTimers.scrape(system).printSince(beforeCheckout, orders + " checkouts", System.out);
        CpuTimes.sample(system).printSince(cpuBeforeCheckout, orders + " checkouts", System.out);
        ServiceTimers.scrapeApi(system).printSince(apiBeforeCheckout, orders + " checkouts", System.out);
        LaunchDayFigures.Sent confirmations = allSent(preorders, checkoutStarted, sentBeforeCheckout);
        HeapWatch.Heap workerLive = heap.workerAfterFullGc();
        long workerRss = HeapWatch.residentBytes(system.workerPid(), "VmRSS");
        long apiRss = HeapWatch.residentBytes(system.apiPid(), "VmRSS");
        HeapWatch.Peaks waiting = heap.takePeaks();

        ServiceTimers beforeRelease = ServiceTimers.scrape(system);
        CpuTimes cpuBeforeRelease = CpuTimes.sample(system);
        long releaseStarted = System.nanoTime();
        long sentBeforeRelease = settledMessages(preorders);
        LaunchDayFigures.Wave release = wave(orders, preorders, "/release", Map.of(), 202);
        CpuTimes.sample(system).printSince(cpuBeforeRelease, "the release of " + orders, System.out);
        ServiceTimers.scrape(system).printSince(beforeRelease, "the release of " + orders, System.out);
        LaunchDayFigures.Sent releaseMessages = allSent(preorders, releaseStarted, sentBeforeRelease);

        // A restock date in sight, else checkout refuses backorders it cannot promise a date for.
        String backorderable = system.backorderableProduct("RESTOCK", "Restocked kettle", PRICE);
        long backordersStarted = System.nanoTime();
        long sentBeforeBackorders = settledMessages(backorderable);
        LatencyFigures backorders =
                ConcurrentClients.time(orders, CLIENT_THREADS, i -> placeBackorder(backorderable, i));
        LaunchDayFigures.Sent backorderConfirmations = allSent(backorderable, backordersStarted, sentBeforeBackorders);
        long receiptStarted = System.nanoTime();
        long sentBeforeReceipt = settledMessages(backorderable);
        LaunchDayFigures.Wave receipt = wave(
                orders,
                backorderable,
                "/receipts",
                Map.of("quantity", orders, "reference", "BENCH-" + UUID.randomUUID()),
                201);
        LaunchDayFigures.Sent receiptMessages = allSent(backorderable, receiptStarted, sentBeforeReceipt);

        LaunchDayFigures.Memory memory = new LaunchDayFigures.Memory(
                waiting,
                workerLive,
                workerRss,
                apiRss,
                heap.takePeaks(),
                HeapWatch.residentBytes(system.workerPid(), "VmHWM"));
        return new LaunchDayFigures(
                orders,
                ceiling,
                checkout,
                wrongAnswers.get(),
                release,
                backorders,
                receipt,
                new LaunchDayFigures.Messages(confirmations, releaseMessages, backorderConfirmations, receiptMessages),
                memory,
                recovery(preorders, backorderable));
    }

    /**
     * One pre-order, PAY_LATER and DEPOSIT in turn. The answer must be 201 and say what was paid: the deposit for
     * DEPOSIT, nothing for PAY_LATER. Anything else is counted, not thrown, so that one run shows how many.
     */
    private static void checkOut(String sku, int index, AtomicLong wrongAnswers) {
        boolean deposit = index % 2 == 1;
        String orderId = "launch-" + UUID.randomUUID();
        Response placed = system.call(
                "POST",
                "/api/v1/orders",
                Shop.checkout(orderId, sku, deposit ? "DEPOSIT" : "PAY_LATER", "pm_card_visa"),
                "shop");
        JsonNode order = placed.body();
        long expectedPaid = deposit ? order.path("total").asLong() * DEPOSIT_PERCENT / 100 : 0;
        boolean right = placed.status() == 201
                && order.path("total").asLong() == PRICE
                && order.path("paid").asLong(-1) == expectedPaid;
        if (!right && wrongAnswers.incrementAndGet() <= 3) {
            System.out.printf("  wrong checkout answer %d: %s%n", placed.status(), order);
        }
    }

    private static void placeBackorder(String sku, int index) {
        String orderId = "restock-" + UUID.randomUUID();
        Response placed =
                system.call("POST", "/api/v1/orders", Shop.checkout(orderId, sku, "FULL", "pm_card_visa"), "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
    }

    /**
     * One admin request that wakes every waiting order of {@code sku} (a release, a receipt), timed until it answers
     * and until PostgreSQL shows all {@code orders} READY_TO_SHIP.
     */
    private static LaunchDayFigures.Wave wave(int orders, String sku, String action, Object body, int status) {
        long sent = System.nanoTime();
        Response answer = system.call("POST", "/admin/v1/products/" + sku + action, body, "admin");
        double answerSeconds = (System.nanoTime() - sent) / 1e9;
        assertThat(answer.status()).as(action + " " + answer.body()).isEqualTo(status);
        RunningSystem.waitFor(
                "all " + orders + " orders of " + sku + " to be READY_TO_SHIP",
                Duration.ofSeconds(120 + orders / 4),
                () -> system.queryLong("SELECT count(*) FROM orders WHERE sku = ? AND status = 'READY_TO_SHIP'", sku)
                        == orders);
        return new LaunchDayFigures.Wave(orders, answerSeconds, (System.nanoTime() - sent) / 1e9);
    }

    /**
     * Waits until no message of {@code sku}'s orders is left queued: the orders go on once their messages are queued,
     * and the worker's sender sends them beside the next orders' work. How many were settled since the phase began
     * (beyond {@code settledBefore}), how many of the sku's were ever given up, and when the last was settled, counted from {@code startedNanos} (the phase's start). The next phase starts after it, so that no phase is
     * measured while the last one's messages are still being sent.
     */
    private static LaunchDayFigures.Sent allSent(String sku, long startedNanos, long settledBefore) {
        RunningSystem.waitFor(
                "every queued message of " + sku + "'s orders to be settled",
                Duration.ofMinutes(10),
                () -> messages(sku, "m.outcome IS NULL") == 0);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new LaunchDayFigures.Sent(
                settledMessages(sku) - settledBefore, messages(sku, "m.outcome = 'GAVE_UP'"), seconds);
    }

    /** Messages of {@code sku}'s orders the sender settled: sent, skipped or refused, or given up. */
    private static long settledMessages(String sku) {
        return messages(sku, "m.outcome IS NOT NULL");
    }

    private static long messages(String sku, String condition) {
        return system.queryLong(
                "SELECT count(*) FROM message_outbox m JOIN orders o USING (order_id) WHERE o.sku = ? AND " + condition,
                sku);
    }

    private static LaunchDayFigures.Recovery recovery(String preorders, String backorders) {
        Response api = system.call("GET", "/actuator/health", null, "ops");
        Response worker = system.callWorker("/actuator/health");
        return new LaunchDayFigures.Recovery(
                api.status() == 200 && "UP".equals(api.body().path("status").asText()),
                worker.status() == 200
                        && "UP".equals(worker.body().path("status").asText()),
                system.queryLong(
                        "SELECT count(*) FROM orders WHERE sku IN (?, ?) AND status <> 'READY_TO_SHIP'",
                        preorders,
                        backorders),
                logs.count("worker", "ERROR"),
                logs.count("api", "ERROR"),
                logs.count("worker", "WARN"),
                logs.count("api", "WARN"));
    }
}
