package dev.waitwell.worker.recovery;

import dev.waitwell.activities.recovery.OrderRecords;
import dev.waitwell.activities.recovery.ReconcilePasses;
import dev.waitwell.activities.recovery.StoredOrders;
import dev.waitwell.schema.testing.TestDatabase;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.order.CheckoutInputs;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.OrderRecord;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.PaymentPlan;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.shared.TaskQueues;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parts a rebuild touches, real: a freshly migrated PostgreSQL database, the Temporal test server with the
 * orders task queue served by {@link RecordingOrderWorkflow}, the recovery rows, and a meter registry. Orders are
 * written as checkout writes them (the order row with its stored checkout input and workflow start).
 *
 * <p>{@code PlaceOrderInput.rebuiltFrom} is written by another change; until it lands, the resumed input is the
 * checkout input and the record it was built from is kept in {@link #recordsRead}.
 */
final class RecoverySystem implements AutoCloseable {

    final JdbcClient jdbc;
    final TestWorkflowEnvironment temporal;
    final WorkflowClient client;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DataSourceTransactionManager transactions;
    final StoredOrders orders;
    final ReconcilePasses passes;
    final OrderRebuilder rebuilder;
    final Map<String, OrderRecord> recordsRead = new ConcurrentHashMap<>();

    RecoverySystem(Clock clock) {
        TestDatabase.Database database = TestDatabase.newMigratedDatabase();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.username(), database.password());
        transactions = new DataSourceTransactionManager(dataSource);
        jdbc = JdbcClient.create(dataSource);
        temporal = TestWorkflowEnvironment.newInstance();
        WaitwellSearchAttributes.ALL.forEach(temporal::registerSearchAttribute);
        temporal.newWorker(TaskQueues.ORDERS).registerWorkflowImplementationTypes(RecordingOrderWorkflow.class);
        temporal.start();
        client = temporal.getWorkflowClient();
        orders = new StoredOrders(jdbc, new TransactionTemplate(transactions));
        passes = new ReconcilePasses(jdbc);
        rebuilder = new OrderRebuilder(
                client, orders, new OrderRecords(jdbc, transactions), meters, clock, (checkout, record) -> {
                    recordsRead.put(checkout.orderId(), record);
                    return checkout;
                });
    }

    /** A backorder as checkout leaves it: its row, its stored checkout input, and its workflow marked started. */
    String order(String status) {
        String orderId = "o-" + UUID.randomUUID();
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO products (sku, name, price_minor, currency) VALUES (?, 'Lens Y', 10000, 'USD')")
                .params(sku)
                .update();
        jdbc.sql("""
                        INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan,
                                            payment_method, currency, unit_price_minor, total_minor,
                                            first_payment_minor, customer_id, customer_email, link_expires_at,
                                            placed_at, workflow_started_at, workflow_input)
                        VALUES (:orderId, 'hash', 'BACKORDER', :status, :sku, 1, 'FULL', 'pm_card_visa', 'USD',
                                10000, 10000, 10000, 'c-1', 'a@b.c', now() + interval '180 days',
                                now() - interval '10 minutes', now() - interval '10 minutes', CAST(:input AS jsonb))""")
                .param("orderId", orderId)
                .param("status", status)
                .param("sku", sku)
                .param("input", CheckoutInputs.toJson(checkout(orderId, sku)))
                .update();
        return orderId;
    }

    void placedAt(String orderId, Instant placedAt) {
        // Checkout starts the workflow right after it places the order.
        OffsetDateTime at = OffsetDateTime.ofInstant(placedAt, ZoneOffset.UTC);
        jdbc.sql("""
                        UPDATE orders SET placed_at = ?,
                               workflow_started_at = CASE WHEN workflow_started_at IS NULL THEN NULL ELSE ? END
                         WHERE order_id = ?""").params(at, at, orderId).update();
    }

    void set(String orderId, String assignment) {
        jdbc.sql("UPDATE orders SET " + assignment + " WHERE order_id = ?")
                .params(orderId)
                .update();
    }

    /** Starts the order's workflow as checkout does (the stand-in serves it). */
    WorkflowExecution startAsCheckout(String orderId) {
        OrderWorkflow workflow = client.newWorkflowStub(
                OrderWorkflow.class,
                StartOnce.options(OrderWorkflowIds.of(orderId)).build());
        String json = jdbc.sql("SELECT workflow_input::text FROM orders WHERE order_id = ?")
                .params(orderId)
                .query(String.class)
                .single();
        return WorkflowClient.start(workflow::fulfil, CheckoutInputs.fromJson(json));
    }

    void terminate(String orderId) {
        client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).terminate("terminated by hand in the UI");
    }

    List<String> rebuildRows(String orderId) {
        return jdbc.sql("""
                        SELECT status || ' ' || trigger || ' ' || coalesce(requested_by, '-') || ' ' || run_id
                          FROM order_rebuilds WHERE order_id = ? ORDER BY id""").params(orderId).query(String.class).list();
    }

    private static PlaceOrderInput checkout(String orderId, String sku) {
        LocalDate promised = LocalDate.now().plusDays(20);
        return new PlaceOrderInput(
                orderId,
                OrderKind.BACKORDER,
                new Customer("c-1", "Ada", "a@b.c", null, List.of(Channel.EMAIL)),
                sku,
                "Lens Y",
                1,
                Money.of(10000, "USD"),
                PaymentPlan.FULL,
                "pm_card_visa",
                Money.of(10000, "USD"),
                null,
                null,
                promised,
                "http://localhost/orders/" + orderId,
                OrderPolicy.DEFAULT,
                0,
                promised.plusDays(30));
    }

    @Override
    public void close() {
        temporal.close();
    }
}
