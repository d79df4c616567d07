package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operations watch, on the packaged jars with their production configuration: health of the API and of the
 * worker (database, Temporal, workers polling), and the Prometheus metrics of both, Temporal's and the business
 * figures included.
 */
class OperationsEndToEndTest {

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void apiHealthShowsTheDatabaseAndTemporalToOperationsOnly() {
        Response anonymous = system.call("GET", "/actuator/health", null, null);
        Response ops = system.call("GET", "/actuator/health", null, "ops");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().path("components").isMissingNode()).isTrue();
        assertThat(ops.body().path("components").path("db").path("status").asText())
                .isEqualTo("UP");
        JsonNode temporal = ops.body().path("components").path("temporal");
        assertThat(temporal.path("status").asText()).isEqualTo("UP");
        assertThat(temporal.path("details").path("target").asText()).startsWith("127.0.0.1:");
    }

    @Test
    void workerHealthShowsTheDatabaseTemporalAndItsPollingWorkers() {
        Response health = system.callWorker("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.body().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("temporal").path("status").asText()).isEqualTo("UP");
        assertThat(components
                        .path("temporalWorkers")
                        .path("details")
                        .path("taskQueue")
                        .asText())
                .isEqualTo("waitwell-orders");
    }

    @Test
    void metricsCountTheOrdersAndTheTemporalWorkTheyCaused() {
        String sku = system.backorderableProduct("OPS", "Ops Lamp", 2_500);
        for (int i = 0; i < 2; i++) {
            Response placed = system.call(
                    "POST",
                    "/api/v1/orders",
                    Map.of(
                            "orderId",
                            "ops-" + UUID.randomUUID().toString().substring(0, 8),
                            "sku",
                            sku,
                            "quantity",
                            1,
                            "paymentPlan",
                            "PAY_LATER",
                            "paymentMethod",
                            "pm_card_visa",
                            "customer",
                            Map.of("id", "c-ops", "email", "ops@example.com", "channels", List.of("EMAIL"))),
                    "shop");
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        }
        long backorders = system.queryLong("SELECT count(*) FROM orders WHERE kind = 'BACKORDER'");

        // The figures are read at most every 10 s; Temporal's SDK reports every 10 s.
        RunningSystem.waitFor(
                "the API's metrics to count " + backorders + " backorders",
                Duration.ofSeconds(30),
                () -> sample(apiMetrics(), "waitwell_orders_placed_total", "kind=\"BACKORDER\"") == backorders);
        RunningSystem.waitFor(
                "the worker's Temporal metrics",
                Duration.ofSeconds(30),
                () -> workerMetrics().contains("temporal_workflow_task_execution_latency_seconds_count{"));
        assertThat(apiMetrics()).contains("temporal_request_total{").contains("http_server_requests_seconds_count{");
        assertThat(workerMetrics())
                .contains("temporal_worker_task_slots_available{")
                .contains("temporal_activity_execution_latency_seconds_count{");
        assertThat(system.call("GET", "/actuator/prometheus", null, "shop").status())
                .isEqualTo(403);
    }

    private static String apiMetrics() {
        return system.apiMetrics("ops");
    }

    /** The value of the first sample of this name whose labels contain the given one; -1 when there is none. */
    private static double sample(String metrics, String name, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static String workerMetrics() {
        return system.callWorker("/actuator/prometheus").body().asText();
    }
}
