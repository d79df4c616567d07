package dev.waitwell.api;

import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Watches order workflows from a test without waiting on their results: a blocked wait lets the shared test service
 * skip time, which moves every other order on by its timers.
 */
public final class WorkflowProbe {

    private WorkflowProbe() {}

    /** Polls the order's query until its state matches, for at most ten seconds. */
    public static OrderState awaitState(WorkflowClient client, String orderId, Predicate<OrderState> expected)
            throws InterruptedException {
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        OrderState state = order.state();
        while (!expected.test(state)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + orderId + " did not get there; it is " + state);
            }
            Thread.sleep(50);
            state = order.state();
        }
        return state;
    }

    /** How many times the order's workflow has received the signal {@code name}. */
    public static long signals(WorkflowClient client, String orderId, String name) {
        return client.fetchHistory(OrderWorkflowIds.of(orderId)).getEvents().stream()
                .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
                .filter(event -> event.getWorkflowExecutionSignaledEventAttributes()
                        .getSignalName()
                        .equals(name))
                .count();
    }
}
