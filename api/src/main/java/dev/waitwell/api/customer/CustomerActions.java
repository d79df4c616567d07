package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderActions;
import dev.waitwell.api.order.OrderDecisions;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.workflows.shared.DelayChoice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;

/**
 * What the holder of a signed link may do: read the order live, decide a delay, give a new payment method, and come
 * back from their bank's page.
 */
@Service
class CustomerActions {

    private final OrderQueries queries;
    private final OrderWorkflows workflows;
    private final OrderDecisions decisions;
    private final OrderActions actions;
    private final BankReturns bankReturns;

    CustomerActions(
            OrderQueries queries,
            OrderWorkflows workflows,
            OrderDecisions decisions,
            OrderActions actions,
            BankReturns bankReturns) {
        this.queries = queries;
        this.workflows = workflows;
        this.decisions = decisions;
        this.actions = actions;
        this.bankReturns = bankReturns;
    }

    OrderDetails liveDetails(String orderId) {
        return queries.details(orderId, workflows::state);
    }

    /** Audited as the customer's, with the request's client address: the link acts for whoever holds it. */
    OrderDetails decide(HttpServletRequest request, String orderId, DelayChoice choice, String alternativeSku) {
        return decisions.decideAsCustomer(orderId, choice, alternativeSku, request.getRemoteAddr());
    }

    /** Audited as the customer's, with the request's client address. */
    OrderDetails changePaymentMethod(HttpServletRequest request, String orderId, String paymentMethod) {
        return actions.changePaymentMethodAsCustomer(orderId, paymentMethod, request.getRemoteAddr());
    }

    /**
     * The customer is back from their bank's page: the order may be told to check the charge that waits there.
     *
     * @return whether a waiting charge of the order was named: the page then says that the payment is being checked
     * @see BankReturns
     */
    boolean returnedFromBank(HttpServletRequest request, String orderId, String paymentIntent, String redirectStatus) {
        return bankReturns.returned(request, orderId, paymentIntent, redirectStatus);
    }
}
