package dev.waitwell.worker.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.recovery.ReconcilePasses.ReconcilePass;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class OrderReconcilerTest {

    /** Two minutes ahead, so that orders placed ten minutes ago are the reconciler's, and "just placed" ones are not. */
    private final Instant now = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MICROS);

    private RecoverySystem system;
    private OrderReconciler reconciler;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        system = new RecoverySystem(clock);
        reconciler = new OrderReconciler(
                system.rebuilder,
                system.orders,
                system.passes,
                new RecoveryProperties(Duration.ofMinutes(5), true),
                system.meters,
                clock);
    }

    @AfterEach
    void stop() {
        reconciler.stop();
        system.close();
    }

    @Test
    void rebuildsTheOpenOrdersTemporalDoesNotRunAndASecondPassRebuildsNothing() {
        String missing = system.order("AWAITING_STOCK");
        String terminated = system.order("READY_TO_SHIP");
        WorkflowExecution terminatedRun = system.startAsCheckout(terminated);
        system.terminate(terminated);
        String running = system.order("AWAITING_DECISION");
        WorkflowExecution runningRun = system.startAsCheckout(running);
        String shipped = system.order("SHIPPED");
        String cancelled = system.order("CANCELLED");
        String justPlaced = system.order("AWAITING_STOCK");
        system.placedAt(justPlaced, now.minusSeconds(2));
        String neverStarted = system.order("AWAITING_STOCK");
        system.set(neverStarted, "workflow_started_at = NULL");
        String withoutInput = system.order("AWAITING_STOCK");
        system.set(withoutInput, "workflow_input = NULL");
        RecoveryHealthIndicator health = new RecoveryHealthIndicator(reconciler);
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);

        ReconcilePass first = reconciler.reconcile();

        assertThat(first)
                .extracting(
                        ReconcilePass::openOrders,
                        ReconcilePass::withoutWorkflow,
                        ReconcilePass::rebuilt,
                        ReconcilePass::failed)
                .containsExactly(4, 3, 2, 0);
        assertThat(system.rebuildRows(missing)).hasSize(1).allMatch(row -> row.contains(" RECONCILER - "));
        assertThat(system.rebuildRows(terminated)).hasSize(1);
        assertThat(runId(terminated)).isNotEqualTo(terminatedRun.getRunId());
        assertThat(status(terminated)).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(runId(running)).isEqualTo(runningRun.getRunId());
        for (String untouched : List.of(running, shipped, cancelled, justPlaced, neverStarted, withoutInput)) {
            assertThat(system.rebuildRows(untouched)).as(untouched).isEmpty();
        }
        for (String notStarted : List.of(shipped, cancelled, justPlaced, neverStarted, withoutInput)) {
            assertThat(system.rebuilder.running(notStarted)).as(notStarted).isFalse();
        }
        assertThat(gauge()).isEqualTo(3);
        assertThat(rebuiltCounter()).isEqualTo(2);
        Health afterFirst = health.health();
        assertThat(afterFirst.getStatus()).isEqualTo(Status.UP);
        assertThat(afterFirst.getDetails())
                .containsAllEntriesOf(Map.of("openOrders", 4, "withoutWorkflow", 3, "rebuilt", 2, "failed", 0));

        ReconcilePass second = reconciler.reconcile();

        assertThat(second)
                .extracting(
                        ReconcilePass::openOrders,
                        ReconcilePass::withoutWorkflow,
                        ReconcilePass::rebuilt,
                        ReconcilePass::failed)
                .containsExactly(4, 1, 0, 0);
        assertThat(system.rebuildRows(missing)).hasSize(1);
        assertThat(system.rebuildRows(terminated)).hasSize(1);
        assertThat(gauge()).isEqualTo(1);
        assertThat(rebuiltCounter()).isEqualTo(2);
        assertThat(system.jdbc.sql("""
                        SELECT open_orders || '/' || without_workflow || '/' || rebuilt || '/' || failed
                          FROM workflow_reconciles ORDER BY id""").query(String.class).list()).containsExactly("4/3/2/0", "4/1/0/0");
        assertThat(system.passes.latest()).contains(second);
    }

    @Test
    void countsAnOrderThatCannotBeRebuiltAsFailedAndGoesOnWithTheOthers() {
        String broken = system.order("AWAITING_STOCK");
        system.set(broken, "workflow_input = '{\"orderId\": 42}'::jsonb");
        String missing = system.order("AWAITING_STOCK");

        ReconcilePass pass = reconciler.reconcile();

        assertThat(pass)
                .extracting(
                        ReconcilePass::openOrders,
                        ReconcilePass::withoutWorkflow,
                        ReconcilePass::rebuilt,
                        ReconcilePass::failed)
                .containsExactly(2, 1, 1, 1);
        assertThat(system.rebuildRows(missing)).hasSize(1);
        assertThat(system.rebuildRows(broken)).isEmpty();
    }

    private String runId(String orderId) {
        return system.client
                .newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                .describe()
                .getExecution()
                .getRunId();
    }

    private WorkflowExecutionStatus status(String orderId) {
        return system.client
                .newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                .describe()
                .getStatus();
    }

    private double gauge() {
        return system.meters
                .get(OrderReconciler.WITHOUT_WORKFLOW_METRIC)
                .gauge()
                .value();
    }

    private double rebuiltCounter() {
        return system.meters
                .get(OrderRebuilder.REBUILT_METRIC)
                .tag("trigger", "RECONCILER")
                .counter()
                .count();
    }
}
