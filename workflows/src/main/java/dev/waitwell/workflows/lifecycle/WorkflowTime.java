package dev.waitwell.workflows.lifecycle;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Now, as workflow code may know it: the time of the workflow task being run, the same on every replay. */
public final class WorkflowTime {

    private WorkflowTime() {}

    public static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
