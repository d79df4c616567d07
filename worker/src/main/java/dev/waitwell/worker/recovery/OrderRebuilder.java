package dev.waitwell.worker.recovery;

import dev.waitwell.activities.recovery.OrderRecords;
import dev.waitwell.activities.recovery.StoredOrders;
import dev.waitwell.activities.recovery.StoredOrders.StoredOrder;
import dev.waitwell.workflows.order.CheckoutInputs;
import dev.waitwell.workflows.order.OrderRecord;
import dev.waitwell.workflows.order.OrderStarts;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildResult.Outcome;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one order's workflow from the database when Temporal no longer runs it: never for a finished order, never
 * while a run is running. The resumed run is built from the order's stored checkout input and what PostgreSQL records
 * it has done ({@link OrderRecord}), started under the order's own workflow id, and recorded on the order.
 */
@Component
class OrderRebuilder {

    static final String REBUILT_METRIC = "waitwell.recovery.orders.rebuilt";

    private static final Logger log = LoggerFactory.getLogger(OrderRebuilder.class);

    private final WorkflowClient client;
    private final StoredOrders orders;
    private final OrderRecords records;
    private final Map<RebuildTrigger, Counter> rebuilt = new EnumMap<>(RebuildTrigger.class);
    private final Clock clock;
    private final BiFunction<PlaceOrderInput, OrderRecord, PlaceOrderInput> resume;

    @Autowired
    OrderRebuilder(WorkflowClient client, StoredOrders orders, OrderRecords records, MeterRegistry meters) {
        this(client, orders, records, meters, Clock.systemUTC(), PlaceOrderInput::rebuiltFrom);
    }

    /** @param resume how the resumed run's input is made from the checkout input and the record */
    OrderRebuilder(
            WorkflowClient client,
            StoredOrders orders,
            OrderRecords records,
            MeterRegistry meters,
            Clock clock,
            BiFunction<PlaceOrderInput, OrderRecord, PlaceOrderInput> resume) {
        this.client = client;
        this.orders = orders;
        this.records = records;
        this.clock = clock;
        this.resume = resume;
        // Registered up front, so that the series exist (at zero) before the first rebuild.
        for (RebuildTrigger trigger : RebuildTrigger.values()) {
            rebuilt.put(
                    trigger,
                    Counter.builder(REBUILT_METRIC)
                            .description("Orders whose workflow was rebuilt from the database")
                            .tag("trigger", trigger.name())
                            .register(meters));
        }
    }

    /**
     * @throws CheckoutInputMissing for an order placed before its checkout input was stored (the API stores it)
     */
    RebuildResult rebuild(RebuildRequest request) {
        String orderId = request.orderId();
        StoredOrder order = orders.find(orderId).orElse(null);
        if (order == null) {
            return new RebuildResult(Outcome.NOT_FOUND, orderId, null, null, null, "No order " + orderId);
        }
        if (order.status().isFinal()) {
            return result(Outcome.FINISHED, order, "The order is " + order.status() + ": it never runs again");
        }
        if (running(orderId)) {
            return result(Outcome.RUNNING, order, "Temporal runs the order's workflow: nothing to rebuild");
        }
        // Read again now that no run can write any more: one that finished the order just before it closed wrote
        // SHIPPED or CANCELLED first, and a finished order never runs again.
        order = orders.find(orderId).orElseThrow();
        if (order.status().isFinal()) {
            return result(Outcome.FINISHED, order, "The order is " + order.status() + ": it never runs again");
        }
        if (order.workflowInput() == null) {
            throw new CheckoutInputMissing(orderId);
        }
        PlaceOrderInput checkout = CheckoutInputs.fromJson(order.workflowInput());
        OrderRecord record = records.read(checkout, clock.instant());
        String runId;
        try {
            runId = start(checkout, record);
        } catch (WorkflowExecutionAlreadyStarted refused) {
            if (latestRunCompleted(orderId)) {
                // The start is refused after a completed run: the order finished as we read it.
                return result(Outcome.FINISHED, order, "The order's workflow completed: it never runs again");
            }
            return result(Outcome.RUNNING, order, "Another rebuild started the order's workflow just now");
        }
        Instant rebuiltAt =
                orders.recordRebuild(orderId, record.status(), request.trigger(), request.requestedBy(), runId);
        rebuilt.get(request.trigger()).increment();
        log.warn(
                "Order {}: Temporal no longer ran its workflow; rebuilt from the database in {} as run {} ({})",
                orderId,
                record.status(),
                runId,
                request.trigger());
        return new RebuildResult(
                Outcome.REBUILT,
                orderId,
                record.status().name(),
                rebuiltAt,
                runId,
                "Rebuilt from the database in " + record.status());
    }

    /** Whether Temporal runs the order's workflow now (its latest run; a continued run counts as the same order). */
    boolean running(String orderId) {
        try {
            WorkflowExecutionStatus status = client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                    .describe()
                    .getStatus();
            return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private boolean latestRunCompleted(String orderId) {
        return client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                        .describe()
                        .getStatus()
                == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    }

    private String start(PlaceOrderInput checkout, OrderRecord record) {
        OrderWorkflow workflow = client.newWorkflowStub(
                OrderWorkflow.class, OrderStarts.rebuilt(checkout, record).build());
        return WorkflowClient.start(workflow::fulfil, resume.apply(checkout, record))
                .getRunId();
    }

    private static RebuildResult result(Outcome outcome, StoredOrder order, String detail) {
        return new RebuildResult(
                outcome, order.orderId(), order.status().name(), order.workflowRebuiltAt(), null, detail);
    }

    /** An order placed before its checkout input was stored: nothing to rebuild it from until the API stores it. */
    static final class CheckoutInputMissing extends IllegalStateException {

        CheckoutInputMissing(String orderId) {
            super("Order " + orderId + " has no stored checkout input (placed before it was stored); the API stores it,"
                    + " and the order is rebuilt after that");
        }
    }
}
