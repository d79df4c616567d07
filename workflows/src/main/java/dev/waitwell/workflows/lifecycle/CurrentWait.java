package dev.waitwell.workflows.lifecycle;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The wait an order is in: for a fact, until a deadline or for good, cut short by a cancellation. What it waits
 * for and until when is what support reads in the order's state and ops in the Temporal UI.
 */
final class CurrentWait {

    private String what;
    private Instant until;

    /** Waits until {@code fact} or {@code interrupted} holds, or {@code deadline} passes; returns the fact. */
    boolean await(String what, Instant deadline, Supplier<Boolean> fact, Supplier<Boolean> interrupted) {
        this.what = what;
        this.until = deadline;
        // Shown in the Temporal UI (no history event).
        Workflow.setCurrentDetails("Waiting for " + what + (deadline == null ? "" : " until " + deadline));
        if (!fact.get() && !interrupted.get()) {
            if (deadline == null) {
                Workflow.await(() -> fact.get() || interrupted.get());
            } else {
                Duration left = Duration.between(WorkflowTime.now(), deadline);
                if (left.compareTo(Duration.ZERO) > 0) {
                    Workflow.await(left, () -> fact.get() || interrupted.get());
                }
            }
        }
        this.what = null;
        this.until = null;
        return fact.get();
    }

    String what() {
        return what;
    }

    Instant until() {
        return until;
    }
}
