package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderActions;
import dev.waitwell.api.order.OrderDecisions;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.api.payment.WaitingCharges;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.workflows.shared.DelayChoice;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the holder of a signed link may do: read the order live, decide a delay, give a new payment method, and come
 * back from their bank's page.
 */
@Service
class CustomerActions {

    private static final Logger log = LoggerFactory.getLogger(CustomerActions.class);
    private static final Pattern PAYMENT_INTENT = Pattern.compile("pi_[A-Za-z0-9_]{1,200}");

    private final OrderQueries queries;
    private final OrderWorkflows workflows;
    private final OrderDecisions decisions;
    private final OrderActions actions;
    private final WaitingCharges waitingCharges;

    CustomerActions(
            OrderQueries queries,
            OrderWorkflows workflows,
            OrderDecisions decisions,
            OrderActions actions,
            WaitingCharges waitingCharges) {
        this.queries = queries;
        this.workflows = workflows;
        this.decisions = decisions;
        this.actions = actions;
        this.waitingCharges = waitingCharges;
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

    /**
     * The customer is back from their bank's page, where Stripe sent them with the PaymentIntent's id. When it names
     * this order's charge that waits on the bank, the order is told to check it: its activity asks Stripe, so the
     * query parameters are a hint that moves no money. The page renders even when Temporal does not take the signal
     * (Stripe's webhook tells the order too).
     *
     * @return whether a waiting charge of the order was named: the page then says that the payment is being checked
     */
    boolean returnedFromBank(String orderId, String paymentIntent, String redirectStatus) {
        if (paymentIntent == null || !PAYMENT_INTENT.matcher(paymentIntent).matches()) {
            return false;
        }
        Optional<WaitingCharges.WaitingCharge> charge = waitingCharges.ofOrder(orderId, paymentIntent);
        if (charge.isEmpty()) {
            return false;
        }
        try {
            waitingCharges.resolved(charge.get(), "succeeded".equals(redirectStatus));
        } catch (ApiException temporalAway) {
            log.warn(
                    "Order {}: back from the bank, but the order could not be told now; Stripe's webhook will",
                    orderId);
        }
        return true;
    }
}
