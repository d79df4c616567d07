package dev.waitwell.activities.preorder;

import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Tells a pre-order that its product is released: a signal through the Temporal client. The activities' one use of
 * the client (see {@code ActivitiesArchitectureTest}): a signal hands an order a fact, and starts or waits for nothing;
 * sent twice, the order takes it as the release it knows.
 */
@Component
class ReleaseSignals {

    private final WorkflowClient temporal;

    ReleaseSignals(WorkflowClient temporal) {
        this.temporal = temporal;
    }

    /** @return false when the order has no running workflow (closed since the listing, or lost) */
    boolean tell(String orderId) {
        try {
            temporal.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId))
                    .productReleased();
            return true;
        } catch (WorkflowNotFoundException gone) {
            return false;
        }
    }
}
