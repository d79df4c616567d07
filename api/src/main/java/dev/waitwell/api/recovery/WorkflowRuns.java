package dev.waitwell.api.recovery;

import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * What Temporal runs now, as the sweeps that finish work PostgreSQL records as unfinished ask it: work whose
 * workflow is not running (Temporal does not know it, or its run closed before the work was recorded done) is
 * started again under the same id.
 */
@Component
public class WorkflowRuns {

    private final WorkflowClient client;

    WorkflowRuns(WorkflowClient client) {
        this.client = client;
    }

    /** @return true while a run of {@code workflowId} is open; false when it closed or Temporal never had it */
    public boolean running(String workflowId) {
        return status(workflowId).orElse(null) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    }

    /**
     * Starts {@code workflowId} again unless a run of it is open: the last run closed before its work was recorded
     * done, or Temporal forgot it. The start allows a rerun of the id and joins a run started meanwhile.
     *
     * @param start starts the stub ({@code stub -> WorkflowClient.start(stub::method, argument)})
     * @return whether it was started again
     */
    public <W> boolean startAgainUnlessRunning(String workflowId, Class<W> type, Consumer<W> start) {
        if (running(workflowId)) {
            return false;
        }
        start.accept(client.newWorkflowStub(
                type, StartOnce.optionsAllowingRerun(workflowId).build()));
        return true;
    }

    /** @return the status of the latest run of {@code workflowId}; empty when Temporal does not know it */
    public Optional<WorkflowExecutionStatus> status(String workflowId) {
        try {
            return Optional.of(
                    client.newUntypedWorkflowStub(workflowId).describe().getStatus());
        } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
        }
    }

    /**
     * For starters that hold no bean: whether the latest run of {@code workflowId} was stopped part-way (see
     * {@link #stoppedPartWay(WorkflowExecutionStatus)}); false when it runs, ended, or Temporal does not know it.
     */
    public static boolean stoppedPartWay(WorkflowClient client, String workflowId) {
        return new WorkflowRuns(client)
                .status(workflowId)
                .filter(WorkflowRuns::stoppedPartWay)
                .isPresent();
    }

    /** @return true when the run was stopped from outside (terminated, cancelled, timed out) before its end */
    public static boolean stoppedPartWay(WorkflowExecutionStatus status) {
        return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED
                || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED
                || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT;
    }
}
