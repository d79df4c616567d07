package dev.waitwell.workflows.preorder;

import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;

/**
 * Tells orders of a release as the worker's {@code tellOrders} activity does: one signal each through the client;
 * an order with no running workflow counts as closed. For the fake release activities of these tests.
 */
final class SignalledOrders {

    private SignalledOrders() {}

    /** @return how many had no workflow to tell */
    static int tell(WorkflowClient client, List<String> orderIds) {
        int closed = 0;
        for (String orderId : orderIds) {
            try {
                client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).signal("productReleased");
            } catch (WorkflowNotFoundException gone) {
                closed++;
            }
        }
        return closed;
    }
}
