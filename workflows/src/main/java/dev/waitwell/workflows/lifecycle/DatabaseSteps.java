package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.MessageOutbox;
import io.temporal.workflow.Workflow;

/**
 * How an order's run calls the activities that only read and write PostgreSQL (timeline, stock counters,
 * fulfilment request, ledger): as local activities, run by the worker inside the workflow task that asks for them,
 * or, in runs from before {@code local-database-steps}, as activities of their own. A local step costs no
 * round trip through Temporal's task queue and no workflow task of its own: on release day an order's five
 * database steps ride on the two or three workflow tasks its signal, charge and message need anyway. Each step is
 * idempotent by its key either way, so a local step retried after a worker crash writes once.
 *
 * <p>Sending a message is no database step: it calls SMTP and Twilio, may take seconds and retry for an hour, which a
 * local activity must not (it holds its workflow task). Runs before {@code launch-day-shape} version 2 send each as an
 * activity of their own; later runs queue it ({@link MessageOutbox}, a database step) for the worker's sender. Charges
 * are local activities too, by options of their own ({@code ChargeAttempts}).
 */
public final class DatabaseSteps {

    private final boolean local;
    private final boolean queuesMessages;

    /**
     * @param local whether this run calls its database steps as local activities (version)
     * @param queuesMessages whether this run queues its messages rather than sending each as an activity (version)
     */
    public DatabaseSteps(boolean local, boolean queuesMessages) {
        this.local = local;
        this.queuesMessages = queuesMessages;
    }

    /** A stub of {@code activities} for this run: local when the run's version says so. */
    public <T> T stub(Class<T> activities) {
        return local
                ? Workflow.newLocalActivityStub(activities, OrderActivityOptions.LOCAL_DATABASE)
                : Workflow.newActivityStub(activities, OrderActivityOptions.DURABLE);
    }

    /** Whether messages are queued for the worker's sender ({@link MessageOutbox}) rather than sent as activities. */
    public boolean queuesMessages() {
        return queuesMessages;
    }

    /** Whether steps run as local activities. */
    public boolean local() {
        return local;
    }
}
