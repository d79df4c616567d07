package dev.waitwell.local;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.QueryResultType;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.WorkflowTaskFailedCause;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondQueryTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskFailedRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a real Temporal server does when a worker dies and the in-memory test server does not. A worker keeps the
 * workflows it ran in its cache and asks for their next tasks on its own (sticky) task queue; a real server gives
 * such a task a few seconds (the sticky schedule-to-start timeout) and then schedules it on the normal task queue,
 * where any worker picks it up. The test server has no such timeout: after a SIGKILL, which never tells the server
 * the worker left, every workflow whose next task went to the dead worker's queue would wait forever.
 *
 * <p>This sees every call to the service ({@link ServerInterceptor}) and so learns each worker's sticky queue (named
 * after the worker's identity, {@code <pid>@<host>:<uuid>}). Once told a worker died, it keeps taking the tasks
 * waiting on that worker's sticky queues and fails them, which makes the test server forget the stickiness and
 * schedule each task again on the normal queue, as the real server's timeout would. A query sent there is answered
 * with an error at once, as a real server's would be after its timeout.
 */
final class DeadWorkerStickyQueues implements ServerInterceptor, AutoCloseable {

    private static final String NAMESPACE = "default";
    private static final String IDENTITY = "waitwell-e2e-dead-worker-sweeper";

    private final WorkflowServiceStubs service;
    private final Set<String> stickyQueues = ConcurrentHashMap.newKeySet();
    private final Set<String> deadIdentities = ConcurrentHashMap.newKeySet();
    private final Thread sweeper;
    private volatile boolean closed;

    DeadWorkerStickyQueues(String temporalAddress) {
        this.service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporalAddress)
                .build());
        this.sweeper = new Thread(this::sweepUntilClosed, "dead-worker-sticky-queues");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** Notes the sticky queue of every workflow task poll. */
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                if (message instanceof PollWorkflowTaskQueueRequest poll
                        && poll.getTaskQueue().getKind() == TaskQueueKind.TASK_QUEUE_KIND_STICKY
                        && !IDENTITY.equals(poll.getIdentity())) {
                    stickyQueues.add(poll.getTaskQueue().getName());
                }
                super.onMessage(message);
            }
        };
    }

    /** The worker with this process id is gone: its sticky queues are swept from now on. */
    void workerDied(long pid) {
        deadIdentities.add(pid + "@");
    }

    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
        service.shutdownNow();
    }

    private void sweepUntilClosed() {
        while (!closed) {
            try {
                List<String> dead = stickyQueues.stream()
                        .filter(queue -> deadIdentities.stream().anyMatch(queue::startsWith))
                        .toList();
                dead.forEach(this::drain);
                if (dead.isEmpty()) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    System.out.println("local  | sweeping dead sticky queues failed, trying again: " + e);
                }
            }
        }
    }

    /** Takes every task waiting on the queue and fails it (a query: answers it with an error). */
    private void drain(String queue) {
        while (!closed) {
            PollWorkflowTaskQueueResponse task;
            try {
                task = service.blockingStub()
                        .withDeadlineAfter(1, TimeUnit.SECONDS)
                        .pollWorkflowTaskQueue(PollWorkflowTaskQueueRequest.newBuilder()
                                .setNamespace(NAMESPACE)
                                .setIdentity(IDENTITY)
                                .setTaskQueue(TaskQueue.newBuilder()
                                        .setName(queue)
                                        .setKind(TaskQueueKind.TASK_QUEUE_KIND_STICKY))
                                .build());
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    return;
                }
                throw e;
            }
            if (task.getTaskToken().isEmpty()) {
                return;
            }
            handBack(task);
        }
    }

    private void handBack(PollWorkflowTaskQueueResponse task) {
        if (task.hasQuery()) {
            service.blockingStub()
                    .respondQueryTaskCompleted(RespondQueryTaskCompletedRequest.newBuilder()
                            .setNamespace(NAMESPACE)
                            .setTaskToken(task.getTaskToken())
                            .setCompletedType(QueryResultType.QUERY_RESULT_TYPE_FAILED)
                            .setErrorMessage("the worker that cached this workflow is gone")
                            .build());
            return;
        }
        service.blockingStub()
                .respondWorkflowTaskFailed(RespondWorkflowTaskFailedRequest.newBuilder()
                        .setNamespace(NAMESPACE)
                        .setIdentity(IDENTITY)
                        .setTaskToken(task.getTaskToken())
                        .setCause(WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_STICKY_TASK_QUEUE)
                        .build());
    }
}
