package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.local.RunningSystem.Response;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: support's order list ({@code GET /admin/v1/orders}) over a year of orders
 * ({@code -Dbenchmark.listOrders}, default 100,000; see {@link OrderListSeed}). Runs the system as the local run
 * does (the API JVM against PostgreSQL; the worker migrates), seeds the rows with SQL, warms the API up, then times
 * each kind of search over HTTP and prints p50, p95 and max per search with the total it answered (and, for scale,
 * the same for the health endpoint, which does no SQL), then the plans PostgreSQL chose for the list's count and
 * page ({@code EXPLAIN ANALYZE}). Not part of {@code ./mvnw verify}; see the README for the command.
 */
@Tag("benchmark")
class OrderListBenchmark {

    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED = 30;
    private static final int DEEP_PAGE_SIZE = 25;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void listsOrdersQuicklyWhateverTheFilter() throws Exception {
        int orders = Integer.getInteger("benchmark.listOrders", 100_000);
        long seedingStarted = System.nanoTime();
        try (Connection connection = system.database()) {
            OrderListSeed.seed(connection, orders);
        }
        System.out.printf(
                "%nBENCHMARK order list: %,d orders seeded (with order_stock, timeline, payments) and "
                        + "analyzed in %.1f s%n",
                orders, (System.nanoTime() - seedingStarted) / 1e9);

        List<Search> searches = searches(orders);
        // The JIT compiles the API's hot paths during the first few hundred requests.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            searches.forEach(Search::ask);
        }
        String columns = String.format("%8s %5s %6s", "p50", "p95", "max");
        System.out.printf("%n  %-62s | %-21s | %-21s%n", "", "HTTP GET, ms", "its SQL (JDBC), ms");
        System.out.printf(
                "  %-52s %9s | %s | %s%n",
                "search (" + MEASURED + " times each, after warm-up)", "total", columns, columns);
        try (Connection connection = system.database()) {
            for (Search search : searches) {
                Timings http = Timings.of(search::ask);
                Timings sql = Timings.of(() -> {
                    OrderListPlans.run(connection, search.filter(), search.page(), search.size());
                    return null;
                });
                System.out.printf(
                        "  %-52s %,9d | %s | %s%n",
                        search.name(), search.ask().body().get("total").asLong(), http, sql);
            }
        }
        // For scale: the same login and request handling with no SQL (a refused filter), and no login at all.
        Timings login = Timings.of(() -> system.call("GET", "/admin/v1/orders?status=NONE", null, "support"));
        Timings health = Timings.of(() -> system.call("GET", "/actuator/health", null, null));
        System.out.printf("  %-62s | %s |%n", "for scale: login + 400 answer, no SQL (?status=NONE)", login);
        System.out.printf("  %-62s | %s |%n%n", "for scale: GET /actuator/health, no login", health);
        try (Connection connection = system.database()) {
            for (Search search : searches) {
                System.out.println(OrderListPlans.explain(
                        connection, search.name(), search.filter(), search.page(), search.size()));
            }
        }
    }

    private static List<Search> searches(int orders) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int lastPage = Math.max(0, (orders - 1) / DEEP_PAGE_SIZE);
        String popularSku = "LB-0001";
        String typicalSku = "LB-0250";
        return List.of(
                new Search("no filter, first page", new OrderListPlans.Filter(), 0, 50),
                new Search(
                        "no filter, last page (page " + lastPage + ", size 25)",
                        new OrderListPlans.Filter(),
                        lastPage,
                        DEEP_PAGE_SIZE),
                new Search("customer id (c-42)", new OrderListPlans.Filter().customer("c-42"), 0, 50),
                new Search(
                        "customer email (customer42@example.com)",
                        new OrderListPlans.Filter().customer("customer42@example.com"),
                        0,
                        50),
                new Search("busiest customer (c-1)", new OrderListPlans.Filter().customer("c-1"), 0, 50),
                new Search(
                        "reseller, 500 orders in 2 days (c-reseller)",
                        new OrderListPlans.Filter().customer("c-reseller"),
                        0,
                        50),
                new Search("sku, most sold (" + popularSku + ")", new OrderListPlans.Filter().sku(popularSku), 0, 50),
                new Search("sku, typical (" + typicalSku + ")", new OrderListPlans.Filter().sku(typicalSku), 0, 50),
                new Search(
                        "sku + status AWAITING_STOCK (" + popularSku + ")",
                        new OrderListPlans.Filter().sku(popularSku).status("AWAITING_STOCK"),
                        0,
                        50),
                new Search(
                        "placed in one week, 30 days ago",
                        new OrderListPlans.Filter()
                                .placed(
                                        today.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                                        today.minusDays(23).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        0,
                        50),
                new Search(
                        "promisedBefore today (promises due)",
                        new OrderListPlans.Filter().promisedBefore(today),
                        0,
                        50),
                new Search(
                        "status AWAITING_STOCK + kind BACKORDER",
                        new OrderListPlans.Filter().status("AWAITING_STOCK").kind("BACKORDER"),
                        0,
                        50));
    }

    /** One kind of search, asked over HTTP as support asks it. */
    private record Search(String name, OrderListPlans.Filter filter, int page, int size) {

        Response ask() {
            String path = "/admin/v1/orders?" + filter.query() + "page=" + page + "&size=" + size;
            Response response = system.call("GET", path, null, "support");
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            return response;
        }
    }

    /** Milliseconds of {@value #MEASURED} calls, one after the other; percentiles by nearest rank. */
    private record Timings(double[] sorted) {

        static Timings of(Supplier<?> call) {
            double[] millis = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long started = System.nanoTime();
                call.get();
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            return new Timings(millis);
        }

        @Override
        public String toString() {
            return String.format("%8.1f %5.1f %6.1f", percentile(50), percentile(95), sorted[sorted.length - 1]);
        }

        private double percentile(int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
