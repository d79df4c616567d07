package dev.waitwell.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartOnceTest {

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @WorkflowInterface
    public interface Errand {

        @WorkflowMethod
        String run(String name);

        @SignalMethod
        void finish();
    }

    public static class ErrandImpl implements Errand {

        private boolean finished;

        @Override
        public String run(String name) {
            Workflow.await(() -> finished);
            return name;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance();
        env.newWorker(TaskQueues.ORDERS).registerWorkflowImplementationTypes(ErrandImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void aSecondStartJoinsTheRunningWorkflowAndAStartAfterItClosedIsRefused() {
        WorkflowExecution first = start(StartOnce.options("errand-1").build());
        WorkflowExecution joined = start(StartOnce.options("errand-1").build());
        assertThat(joined.getRunId()).isEqualTo(first.getRunId());

        finish("errand-1");

        assertThatThrownBy(() -> start(StartOnce.options("errand-1").build()))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    }

    @Test
    void aWorkflowThatMayRerunStartsAgainOnceItClosed() {
        WorkflowExecution first =
                start(StartOnce.optionsAllowingRerun("errand-2").build());
        assertThat(start(StartOnce.optionsAllowingRerun("errand-2").build()).getRunId())
                .isEqualTo(first.getRunId());

        finish("errand-2");

        assertThat(start(StartOnce.optionsAllowingRerun("errand-2").build()).getRunId())
                .isNotEqualTo(first.getRunId());
    }

    private WorkflowExecution start(WorkflowOptions options) {
        Errand errand = client.newWorkflowStub(Errand.class, options);
        return WorkflowClient.start(errand::run, options.getWorkflowId());
    }

    private void finish(String workflowId) {
        client.newWorkflowStub(Errand.class, workflowId).finish();
        WorkflowStub.fromTyped(client.newWorkflowStub(Errand.class, workflowId)).getResult(String.class);
    }
}
