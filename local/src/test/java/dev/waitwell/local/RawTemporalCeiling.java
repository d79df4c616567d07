package dev.waitwell.local;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Temporal service under the system can do at best, measured on the same service and in the same run as
 * Waitwell's figures so that the ratios compare like with like: a worker in this JVM, on its own task queue with
 * default options, serving {@link CeilingWorkflow}. Two figures: how fast 16 clients can start workflows and hear
 * back from their first task (update-with-start, as checkout starts an order and waits for its first payment), and
 * how fast those workflows, once signalled, run one activity and complete (as a release or a receipt wakes waiting
 * orders).
 */
final class RawTemporalCeiling implements AutoCloseable {

    static final String TASK_QUEUE = "bench-ceiling";
    private static final Duration COMPLETION_WAIT = Duration.ofMinutes(30);
    private static final int WARM_UP_WORKFLOWS = 200;

    private final WorkflowServiceStubs service;
    private final WorkflowClient client;
    private final WorkerFactory workers;
    private final CountingActivity activity = new CountingActivity();

    /** What one measurement found, for {@code workflows} workflows. */
    record Figures(int workflows, LatencyFigures starts, double signalledToCompletedSeconds) {

        double completedPerSecond() {
            return workflows / signalledToCompletedSeconds;
        }
    }

    RawTemporalCeiling(String temporalAddress) {
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporalAddress)
                .build());
        client = WorkflowClient.newInstance(service);
        workers = WorkerFactory.newInstance(client);
        var worker = workers.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(CeilingWorkflow.Impl.class);
        worker.registerActivitiesImplementations(activity);
        workers.start();
    }

    /**
     * Runs a small batch through both steps unmeasured: a cold JIT, gRPC channel and worker would otherwise
     * understate the ceiling, and flatter every ratio taken against it.
     */
    RawTemporalCeiling warmedUp(int clientThreads) {
        measure(WARM_UP_WORKFLOWS, clientThreads);
        return this;
    }

    Figures measure(int workflows, int clientThreads) {
        String batch = "ceiling-" + UUID.randomUUID() + "-";
        LatencyFigures starts = ConcurrentClients.time(workflows, clientThreads, i -> startAndConfirm(batch + i));
        activity.stepped.set(0);
        long firstSignal = System.currentTimeMillis();
        ConcurrentClients.time(
                workflows,
                clientThreads,
                i -> client.newWorkflowStub(CeilingWorkflow.class, batch + i).released());
        RunningSystem.waitFor(
                "every ceiling workflow to run its activity",
                COMPLETION_WAIT,
                () -> activity.stepped.get() >= workflows);
        long lastClose = lastCompletion(batch, workflows, clientThreads);
        return new Figures(workflows, starts, (lastClose - firstSignal) / 1e3);
    }

    /**
     * Returns once the workflow has started and its first task has answered the update. {@code USE_EXISTING}, as
     * checkout's own start: a call the SDK retries after a slow answer attaches to the run it started (with {@code
     * FAIL} the Java test server answers such a retry with an internal error).
     */
    private void startAndConfirm(String workflowId) {
        CeilingWorkflow workflow = client.newWorkflowStub(
                CeilingWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(TASK_QUEUE)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        try {
            confirmWithStart(workflow);
        } catch (WorkflowServiceException internalError) {
            // Under load the Java test server sometimes fails an update-with-start with an internal error (an NPE in
            // its waitForUpdateResponse); the same call again attaches to the run if it started. Counted in the
            // latency.
            confirmWithStart(workflow);
        }
    }

    private static void confirmWithStart(CeilingWorkflow workflow) {
        WorkflowClient.executeUpdateWithStart(
                workflow::confirm,
                UpdateOptions.<Void>newBuilder()
                        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                        .build(),
                new WithStartWorkflowOperation<>(workflow::run));
    }

    /**
     * When the last of the batch completed, in epoch millis, as the service recorded it. The activities have all
     * run by now, but each workflow still needs one more task to complete: this waits for every one to show
     * COMPLETED (describing them is not timed, the service's close times are).
     */
    private long lastCompletion(String batch, int workflows, int clientThreads) {
        AtomicLong last = new AtomicLong();
        ConcurrentClients.time(workflows, clientThreads, i -> {
            WorkflowExecutionInfo info = completed(batch + i);
            last.accumulateAndGet(
                    info.getCloseTime().getSeconds() * 1000
                            + info.getCloseTime().getNanos() / 1_000_000,
                    Math::max);
        });
        return last.get();
    }

    private WorkflowExecutionInfo completed(String workflowId) {
        long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
        while (true) {
            WorkflowExecutionInfo info = service.blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                            .build())
                    .getWorkflowExecutionInfo();
            if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
                return info;
            }
            if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException(workflowId + " did not complete: " + info.getStatus());
            }
            OrderRows.pause(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        service.shutdown();
    }

    /** The no-op step, counting how many workflows reached it. */
    private static final class CountingActivity implements CeilingActivity {

        private final AtomicInteger stepped = new AtomicInteger();

        @Override
        public void step() {
            stepped.incrementAndGet();
        }
    }
}
