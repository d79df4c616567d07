package dev.waitwell.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.schema.testing.TestDatabase;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.CustomerLinkResend;
import dev.waitwell.workflows.notification.CustomerLinkWorkflow;
import dev.waitwell.workflows.notification.CustomerLinkWorkflowIds;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.MessageOutbox;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.payment.ReconciledRefunds;
import dev.waitwell.workflows.payment.RefundReconciliation;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflow;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflowIds;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflow;
import dev.waitwell.workflows.recovery.OrderRecoveryWorkflowIds;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worker as it runs, on the Temporal test server, with its management port on a random port. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.temporal.test-server.enabled=true", "waitwell.payments.gateway=sandbox"})
class WorkerApplicationTest {

    private static final Path READY_FILE = readyFile();
    private static final Customer ADA = new Customer("c-1", "Ada", "a@b.c", null, List.of(Channel.EMAIL));
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int managementPort;

    @Autowired
    private WorkerFactory workerFactory;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private WorkflowClient client;

    @Autowired
    private MessageOutbox outbox;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("waitwell.worker.ready-file", READY_FILE::toString);
    }

    @Test
    void migratesTheSchemaBeforeReportingReady() {
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where success")
                .query(Integer.class)
                .single();

        assertThat(applied).isPositive();
        assertThat(READY_FILE).exists();
    }

    /** The context only starts if every activity bean named in application.yml exists. */
    @Test
    void pollsTheOrdersQueue() {
        assertThat(workerFactory.isStarted()).isTrue();
        assertThat(workerFactory.getWorker(TaskQueues.ORDERS)).isNotNull();
    }

    /** The API's Stripe webhook starts it; here with a charge that is not ours, so nothing is recorded. */
    @Test
    void reconcilesTheRefundsAProcessorReportsOnTheOrdersQueue() {
        RefundReconciliationWorkflow reconciliation = client.newWorkflowStub(
                RefundReconciliationWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(TaskQueues.ORDERS)
                        .setWorkflowId(RefundReconciliationWorkflowIds.of("evt_worker_test"))
                        .build());

        assertThat(reconciliation.reconcile(new RefundReconciliation("pi_not_ours", "evt_worker_test")))
                .isEqualTo(new ReconciledRefunds(null, 0, null));
    }

    /** The API starts it for support; here for an order that does not exist, so nothing is started. */
    @Test
    void rebuildsOneOrderForSupportOnTheOrdersQueue() {
        OrderRecoveryWorkflow recovery = client.newWorkflowStub(
                OrderRecoveryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(TaskQueues.ORDERS)
                        .setWorkflowId(OrderRecoveryWorkflowIds.of("o-nobody", "r-1"))
                        .build());

        RebuildResult result = recovery.rebuild(new RebuildRequest("o-nobody", RebuildTrigger.SUPPORT, "ada"));

        assertThat(result.outcome()).isEqualTo(RebuildResult.Outcome.NOT_FOUND);
    }

    /**
     * The API starts it for support. Neither SMTP nor Twilio is configured here, so each channel is settled SKIPPED,
     * once: the same request started again sends nothing more.
     */
    @Test
    void sendsTheCustomerTheirLinkAgainOnceOnTheOrdersQueue() {
        String orderId = backorder("o-link-");
        CustomerLinkResend resend = new CustomerLinkResend(orderId, 1, ADA, factsOf(orderId));

        NotificationResult first = linkWorkflow(orderId).resend(resend);

        assertThat(first.deliveries())
                .extracting(Delivery::channel, Delivery::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, DeliveryStatus.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple(Channel.SMS, DeliveryStatus.SKIPPED));
        assertThatThrownBy(() -> WorkflowClient.start(linkWorkflow(orderId)::resend, resend))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(jdbc.sql("SELECT notification_key || ' ' || template || ' ' || channel FROM notifications"
                                + " WHERE order_id = ? ORDER BY channel")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("LINK_RESENT-1 LINK_RESENT EMAIL", "LINK_RESENT-1 LINK_RESENT SMS");
    }

    /**
     * Orders queue their messages; the worker's sender settles them (here SKIPPED: neither SMTP nor Twilio is
     * configured), and the queue is on the worker's Prometheus endpoint.
     */
    @Test
    void sendsWhatOrdersQueueAndReportsTheQueue() throws Exception {
        String orderId = backorder("o-queue-");
        outbox.queue(new NotificationRequest(orderId, "CONFIRMED", Milestone.CONFIRMED, ADA, factsOf(orderId)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!"SETTLED".equals(outcome(orderId)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(outcome(orderId)).isEqualTo("SETTLED");
        assertThat(jdbc.sql("SELECT channel || ' ' || status FROM notifications WHERE order_id = ? ORDER BY channel")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .as("each channel settled once, the one the customer did not choose as well")
                .containsExactly("EMAIL SKIPPED", "SMS SKIPPED");

        // One waiting for its next attempt, queued a minute ago.
        jdbc.sql("""
                        INSERT INTO message_outbox (order_id, message_key, milestone, request, queued_at, next_attempt_at)
                        VALUES (?, 'WAIT_REMINDER-1', 'WAIT_REMINDER', '{}', now() - interval '1 minute',
                                now() + interval '1 hour')""").params(orderId).update();
        String metrics = get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "waitwell_messages_queued")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "waitwell_messages_oldest_queued_seconds")).isGreaterThanOrEqualTo(60);
    }

    /** A backorder of a product of its own ("SKU-" and the order's id), as checkout stores it; its id. */
    private String backorder(String idPrefix) {
        String orderId = idPrefix + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO products (sku, name, price_minor, currency) VALUES (?, 'Lens Y', 10000, 'USD')")
                .params("SKU-" + orderId)
                .update();
        jdbc.sql("""
                        INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan,
                                            payment_method, currency, unit_price_minor, total_minor,
                                            first_payment_minor, customer_id, customer_email, link_expires_at)
                        VALUES (?, 'hash', 'BACKORDER', 'AWAITING_STOCK', ?, 1, 'FULL', 'pm_card_visa', 'USD',
                                10000, 10000, 10000, 'c-1', 'a@b.c', now() + interval '180 days')""").params(orderId, "SKU-" + orderId).update();
        return orderId;
    }

    private static MessageFacts factsOf(String orderId) {
        return new MessageFacts(
                "Lens Y",
                "SKU-" + orderId,
                1,
                null,
                null,
                null,
                null,
                "https://shop.example/c/orders/" + orderId + "?token=1.x",
                null,
                null,
                null);
    }

    private String outcome(String orderId) {
        return jdbc.sql("SELECT outcome FROM message_outbox WHERE order_id = ? AND message_key = 'CONFIRMED'")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static double gauge(String prometheus, String name) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not on /actuator/prometheus"));
    }

    private CustomerLinkWorkflow linkWorkflow(String orderId) {
        return client.newWorkflowStub(
                CustomerLinkWorkflow.class,
                StartOnce.options(CustomerLinkWorkflowIds.of(orderId, 1)).build());
    }

    /** Once ready, the reconciler makes its first pass: recorded, and reported by health and metrics. */
    @Test
    void reconcilesTheOpenOrdersOnceReadyAndReportsThePass() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String health = get("/actuator/health").body();
        while (!"UP".equals(JsonPath.read(health, "$.components.recovery.status"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            health = get("/actuator/health").body();
        }

        assertThat(JsonPath.<String>read(health, "$.components.recovery.status"))
                .isEqualTo("UP");
        assertThat(JsonPath.<Integer>read(health, "$.components.recovery.details.rebuilt"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_reconciles")
                        .query(Integer.class)
                        .single())
                .isPositive();
        assertThat(get("/actuator/prometheus").body())
                .contains("waitwell_recovery_orders_without_workflow")
                .contains("waitwell_recovery_orders_rebuilt_total{");
    }

    @Test
    void reportsTheDatabaseTemporalAndThePollingWorkersOnTheManagementPort() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        String body = health.body();
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.db.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.temporal.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.temporalWorkers.status"))
                .isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.temporalWorkers.details.taskQueue"))
                .isEqualTo(TaskQueues.ORDERS);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Map<String, Object>>read(readiness.body(), "$.components"))
                .containsOnlyKeys("readinessState", "db", "temporal", "temporalWorkers");
    }

    @Test
    void reportsNotReadyOnceTheWorkersStopPolling() throws Exception {
        workerFactory.suspendPolling();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JsonPath.<String>read(readiness.body(), "$.components.temporalWorkers.details.state"))
                    .isEqualTo("polling suspended");
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            workerFactory.resumePolling();
        }
    }

    /** Temporal's SDK reports every 10 s (the starter's metrics scope) into the same Micrometer registry. */
    @Test
    void servesPrometheusMetricsWithTemporalsWorkerMetrics() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String metrics = get("/actuator/prometheus").body();
        while (!metrics.contains("temporal_worker_task_slots_available{")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            metrics = get("/actuator/prometheus").body();
        }

        assertThat(metrics.lines().filter(line -> line.startsWith("temporal_worker_task_slots_available{")))
                .anySatisfy(line -> assertThat(line)
                        .contains("task_queue=\"" + TaskQueues.ORDERS + "\"")
                        .contains("worker_type=\"ActivityWorker\""));
        assertThat(metrics).contains("hikaricp_connections_active{").contains("jvm_memory_used_bytes{");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path readyFile() {
        try {
            Path file = Files.createTempFile("waitwell-worker", ".ready");
            Files.delete(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
