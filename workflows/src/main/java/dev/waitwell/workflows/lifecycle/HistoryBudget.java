package dev.waitwell.workflows.lifecycle;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How long one run of an order may grow. An order can wait a year, reminded every week and delayed every
 * month; each of those adds events to its history, which every worker replays in full. Past the budget the
 * order continues as new at its next safe point. Replay-safe: the history length and the server's
 * suggestion are those of the current workflow task. Orders started before this existed never spend it. The
 * workflow says how a run continues as new, since only it knows every step's state.
 */
final class HistoryBudget {

    private final boolean enabled;
    private final int eventLimit;
    private Consumer<OrderPhase> continueAsNew = phase -> {
        throw new IllegalStateException("this run has no way to continue as new");
    };

    HistoryBudget(boolean enabled, int eventLimit) {
        this.enabled = enabled;
        this.eventLimit = eventLimit;
    }

    /** How the workflow continues as new: it builds the next run's input from every step's state. */
    void continuesWith(Consumer<OrderPhase> hook) {
        continueAsNew = Objects.requireNonNull(hook, "hook");
    }

    /** Ends the run; the next one resumes {@code phase}. Never returns. */
    void continueAsNew(OrderPhase phase) {
        continueAsNew.accept(phase);
    }

    /** The run's history passed the limit, or the server suggests a new run (size or count). */
    boolean spent() {
        if (!enabled) {
            return false;
        }
        WorkflowInfo info = Workflow.getInfo();
        return info.getHistoryLength() > eventLimit || info.isContinueAsNewSuggested();
    }
}
