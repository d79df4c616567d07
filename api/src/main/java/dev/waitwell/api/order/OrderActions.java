package dev.waitwell.api.order;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.payment.PaymentMethods;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.PaymentMethodChange;
import dev.waitwell.workflows.order.PaymentRetry;
import dev.waitwell.workflows.order.Shipment;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff and shop actions on an order. Each is an update of the order's workflow, which decides whether it
 * fits the order's state; each accepted one is on the audit trail. A finished order (SHIPPED or CANCELLED in the
 * database, or its workflow run to its end) answers 409; an open one whose workflow Temporal lacks (never heard
 * of, terminated, timed out) answers 503 with {@code Retry-After} while the worker's reconciler rebuilds it.
 */
@Service
public class OrderActions {

    private static final Logger log = LoggerFactory.getLogger(OrderActions.class);

    private final OrderWorkflows workflows;
    private final OrderQueries queries;
    private final Orders orders;
    private final PaymentMethods paymentMethods;
    private final StaffActions staffActions;

    OrderActions(
            OrderWorkflows workflows,
            OrderQueries queries,
            Orders orders,
            PaymentMethods paymentMethods,
            StaffActions staffActions) {
        this.workflows = workflows;
        this.queries = queries;
        this.orders = orders;
        this.paymentMethods = paymentMethods;
        this.staffActions = staffActions;
    }

    OrderDetails confirmShipment(String orderId, Shipment shipment, String username) {
        OrderState state = update(orderId, OrderWorkflows.CONFIRM_SHIPMENT, shipment);
        staffActions.record(StaffAction.onOrder(
                username,
                "ORDER_SHIPMENT_CONFIRMED",
                orderId,
                null,
                shipment.carrier() + " " + shipment.trackingNumber()));
        return queries.details(orderId, state);
    }

    OrderDetails cancel(String orderId, String reason, String username) {
        OrderState state = update(orderId, OrderWorkflows.CANCEL, new CancellationRequest(reason, username));
        staffActions.record(StaffAction.onOrder(username, "ORDER_CANCELLED", orderId, reason, null));
        return queries.details(orderId, state);
    }

    public OrderDetails changePaymentMethod(String orderId, String paymentMethod, String username) {
        return changePaymentMethod(orderId, paymentMethod, username, null);
    }

    /** The customer gives a new payment method through the signed link (checked by the caller), from an address. */
    public OrderDetails changePaymentMethodAsCustomer(String orderId, String paymentMethod, String clientAddress) {
        return changePaymentMethod(orderId, paymentMethod, StaffAction.CUSTOMER, clientAddress);
    }

    private OrderDetails changePaymentMethod(
            String orderId, String paymentMethod, String username, String clientAddress) {
        requireOrder(orderId);
        if (!paymentMethods.exists(paymentMethod)) {
            throw BusinessProblems.of(BusinessFailure.PAYMENT_METHOD_UNKNOWN, paymentMethods.refusal(paymentMethod));
        }
        OrderState state =
                update(orderId, OrderWorkflows.CHANGE_PAYMENT_METHOD, new PaymentMethodChange(paymentMethod, username));
        staffActions.record(
                new StaffAction(username, "PAYMENT_METHOD_CHANGED", orderId, null, null, paymentMethod, clientAddress));
        return queries.details(orderId, state);
    }

    OrderDetails retryPayment(String orderId, String username) {
        OrderState state = update(orderId, OrderWorkflows.RETRY_PAYMENT, new PaymentRetry(username));
        staffActions.record(StaffAction.onOrder(username, "PAYMENT_RETRIED", orderId, null, null));
        return queries.details(orderId, state);
    }

    /**
     * Moves the order in its product's allocation queue. Only the next allocation sees it: units already
     * allocated stay where they are.
     */
    @Transactional
    OrderDetails changePriority(String orderId, int priority, String reason, String username) {
        int previous = orders.changePriority(orderId, priority).orElseThrow(() -> OrderQueries.notFound(orderId));
        staffActions.record(StaffAction.onOrder(
                username, "ORDER_PRIORITY_CHANGED", orderId, reason, "priority " + previous + " -> " + priority));
        return queries.details(orderId);
    }

    private OrderState update(String orderId, String updateName, Object argument) {
        requireOrder(orderId);
        // A shipped or cancelled order is final: answer at once rather than race its closing workflow.
        String recorded = queries.view(orderId).map(OrderView::status).orElse("unknown");
        if ("SHIPPED".equals(recorded) || "CANCELLED".equals(recorded)) {
            throw ApiException.conflict(
                    ProblemCodes.ORDER_STATE_CONFLICT,
                    "Order " + orderId + " is no longer open (status " + recorded + ").");
        }
        try {
            return workflows.update(orderId, updateName, argument);
        } catch (WorkflowNotFoundException missing) {
            String status = queries.view(orderId).map(OrderView::status).orElse("unknown");
            if ("SHIPPED".equals(status) || "CANCELLED".equals(status) || workflows.completed(orderId)) {
                throw ApiException.conflict(
                        ProblemCodes.ORDER_STATE_CONFLICT,
                        "Order " + orderId + " is no longer open (status " + status + ").");
            }
            log.warn(
                    "Order {} is {} in the database but Temporal has no running workflow for it; {} refused until "
                            + "it is rebuilt (asked now)",
                    orderId,
                    status,
                    updateName);
            workflows.rebuildSoon(orderId);
            throw new WorkflowRebuilding(orderId, status);
        }
    }

    private void requireOrder(String orderId) {
        if (!orders.exists(orderId)) {
            throw OrderQueries.notFound(orderId);
        }
    }
}
