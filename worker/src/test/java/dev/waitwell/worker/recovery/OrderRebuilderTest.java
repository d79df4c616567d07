package dev.waitwell.worker.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.recovery.OrderRecords;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildResult.Outcome;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderRebuilderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private RecoverySystem system;

    @BeforeEach
    void start() {
        system = new RecoverySystem(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void startsTheMissingWorkflowOfAnOpenOrderFromTheDatabaseAndRecordsTheRebuild() {
        String orderId = system.order("AWAITING_STOCK");

        RebuildResult result = rebuild(orderId, RebuildTrigger.SUPPORT, "ada");

        assertThat(result.outcome()).isEqualTo(Outcome.REBUILT);
        assertThat(result.status()).isEqualTo("AWAITING_STOCK");
        assertThat(result.runId()).isNotBlank();
        WorkflowExecutionDescription run = describe(orderId);
        assertThat(run.getExecution().getRunId()).isEqualTo(result.runId());
        assertThat(run.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(run.getTypedSearchAttributes().get(WaitwellSearchAttributes.STATUS))
                .isEqualTo("AWAITING_STOCK");
        assertThat(RecordingOrderWorkflow.startedWith(orderId).orderId()).isEqualTo(orderId);
        assertThat(system.recordsRead.get(orderId).status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(system.recordsRead.get(orderId).rebuiltAt()).isEqualTo(NOW);
        assertThat(system.rebuildRows(orderId)).containsExactly("AWAITING_STOCK SUPPORT ada " + result.runId());
        assertThat(system.jdbc
                        .sql("SELECT workflow_rebuilt_at FROM orders WHERE order_id = ?")
                        .params(orderId)
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(result.rebuiltAt());
        assertThat(system.jdbc
                        .sql("SELECT event_key || ' ' || message FROM order_events WHERE order_id = ?"
                                + " AND type = 'WORKFLOW_REBUILT'")
                        .params(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("rebuilt:" + result.runId() + " Workflow rebuilt from the database by support (ada):"
                        + " Temporal no longer ran it; resumed in AWAITING_STOCK");
        assertThat(system.meters
                        .get(OrderRebuilder.REBUILT_METRIC)
                        .tag("trigger", "SUPPORT")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void answersRunningOnceTheRebuiltRunRunsAndStartsNothingMore() {
        String orderId = system.order("AWAITING_STOCK");
        RebuildResult first = rebuild(orderId, RebuildTrigger.RECONCILER, null);

        RebuildResult second = rebuild(orderId, RebuildTrigger.SUPPORT, "ada");

        assertThat(second.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(second.rebuiltAt()).isEqualTo(first.rebuiltAt());
        assertThat(describe(orderId).getExecution().getRunId()).isEqualTo(first.runId());
        assertThat(system.rebuildRows(orderId)).hasSize(1);
    }

    @Test
    void ofTwoRebuildsRacingOneStartsTheRunAndTheOtherAnswersRunning() {
        String orderId = system.order("AWAITING_STOCK");
        WorkflowExecution[] winner = new WorkflowExecution[1];
        // Between this rebuild's look at Temporal and its start, another one starts the order.
        OrderRebuilder late = new OrderRebuilder(
                system.client,
                system.orders,
                new OrderRecords(system.jdbc, system.transactions),
                system.meters,
                Clock.fixed(NOW, ZoneOffset.UTC),
                (checkout, record) -> {
                    winner[0] = system.startAsCheckout(orderId);
                    return checkout;
                });

        RebuildResult result = late.rebuild(new RebuildRequest(orderId, RebuildTrigger.RECONCILER, null));

        assertThat(result.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(describe(orderId).getExecution().getRunId()).isEqualTo(winner[0].getRunId());
        assertThat(system.rebuildRows(orderId)).isEmpty();
    }

    @Test
    void leavesARunningWorkflowAlone() {
        String orderId = system.order("AWAITING_STOCK");
        WorkflowExecution checkout = system.startAsCheckout(orderId);

        RebuildResult result = rebuild(orderId, RebuildTrigger.RECONCILER, null);

        assertThat(result.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(result.rebuiltAt()).isNull();
        assertThat(describe(orderId).getExecution().getRunId()).isEqualTo(checkout.getRunId());
        assertThat(system.rebuildRows(orderId)).isEmpty();
    }

    @Test
    void startsANewRunOfAWorkflowTerminatedByHand() {
        String orderId = system.order("READY_TO_SHIP");
        WorkflowExecution checkout = system.startAsCheckout(orderId);
        system.terminate(orderId);

        RebuildResult result = rebuild(orderId, RebuildTrigger.RECONCILER, null);

        assertThat(result.outcome()).isEqualTo(Outcome.REBUILT);
        assertThat(result.runId()).isNotEqualTo(checkout.getRunId());
        assertThat(describe(orderId).getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(system.rebuildRows(orderId)).containsExactly("READY_TO_SHIP RECONCILER - " + result.runId());
    }

    @Test
    void neverStartsAFinishedOrder() {
        String shipped = system.order("SHIPPED");
        String cancelled = system.order("CANCELLED");

        assertThat(rebuild(shipped, RebuildTrigger.SUPPORT, "ada").outcome()).isEqualTo(Outcome.FINISHED);
        assertThat(rebuild(cancelled, RebuildTrigger.RECONCILER, null).outcome())
                .isEqualTo(Outcome.FINISHED);
        assertThat(system.rebuilder.running(shipped)).isFalse();
        assertThat(RecordingOrderWorkflow.STARTED).doesNotContainKeys(shipped, cancelled);
        assertThat(system.rebuildRows(shipped)).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        RebuildResult result = rebuild("o-unknown", RebuildTrigger.SUPPORT, "ada");

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(system.rebuilder.running("o-unknown")).isFalse();
    }

    @Test
    void refusesAnOrderWithoutAStoredCheckoutInput() {
        String orderId = system.order("AWAITING_STOCK");
        system.set(orderId, "workflow_input = NULL");

        assertThatThrownBy(() -> rebuild(orderId, RebuildTrigger.RECONCILER, null))
                .isInstanceOf(OrderRebuilder.CheckoutInputMissing.class);
        assertThat(system.rebuilder.running(orderId)).isFalse();
    }

    private RebuildResult rebuild(String orderId, RebuildTrigger trigger, String requestedBy) {
        return system.rebuilder.rebuild(new RebuildRequest(orderId, trigger, requestedBy));
    }

    private WorkflowExecutionDescription describe(String orderId) {
        return system.client
                .newUntypedWorkflowStub(OrderWorkflowIds.of(orderId))
                .describe();
    }
}
