package dev.waitwell.workflows.shared;

/** The task queues Waitwell's workers poll. One constant per queue, never a string literal elsewhere. */
public final class TaskQueues {

    /** Order workflows, release fan-out workflows and every activity they call. */
    public static final String ORDERS = "waitwell-orders";

    private TaskQueues() {}
}
