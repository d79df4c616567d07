package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderActions;
import dev.waitwell.api.order.OrderDecisions;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.workflows.shared.DelayChoice;
import org.springframework.stereotype.Service;

/** What the holder of a signed link may do: read the order live, decide a delay, give a new payment method. */
@Service
class CustomerActions {

    private final OrderQueries queries;
    private final OrderWorkflows workflows;
    private final OrderDecisions decisions;
    private final OrderActions actions;

    CustomerActions(OrderQueries queries, OrderWorkflows workflows, OrderDecisions decisions, OrderActions actions) {
        this.queries = queries;
        this.workflows = workflows;
        this.decisions = decisions;
        this.actions = actions;
    }

    OrderDetails liveDetails(String orderId) {
        return queries.details(orderId, workflows::state);
    }

    OrderDetails decide(String orderId, DelayChoice choice, String alternativeSku) {
        return decisions.decideAsCustomer(orderId, choice, alternativeSku);
    }

    OrderDetails changePaymentMethod(String orderId, String paymentMethod) {
        return actions.changePaymentMethod(orderId, paymentMethod, OrderDecisions.CUSTOMER);
    }
}
