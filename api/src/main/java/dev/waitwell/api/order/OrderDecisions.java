package dev.waitwell.api.order;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decisions on a delayed order: WAIT, SWITCH to an in-stock alternative, or CANCEL with a full refund, by the
 * customer (through the signed link) or by support on their behalf. The order's workflow accepts one decision
 * while one is open, with an offered choice; everything else is a 409 DECISION_NOT_OPEN that changes nothing.
 * The answer comes once the decision is carried out (a switch charged or refunded, a cancellation refunded). An
 * open order whose workflow Temporal lacks answers 503 WORKFLOW_REBUILDING while the worker rebuilds it.
 */
@Service
public class OrderDecisions {

    public static final String CUSTOMER = StaffAction.CUSTOMER;

    private static final Logger log = LoggerFactory.getLogger(OrderDecisions.class);

    private final OrderWorkflows workflows;
    private final OrderQueries queries;
    private final Orders orders;
    private final Alternatives alternatives;
    private final StaffActions staffActions;

    OrderDecisions(
            OrderWorkflows workflows,
            OrderQueries queries,
            Orders orders,
            Alternatives alternatives,
            StaffActions staffActions) {
        this.workflows = workflows;
        this.queries = queries;
        this.orders = orders;
        this.alternatives = alternatives;
        this.staffActions = staffActions;
    }

    /** Support decides on the customer's behalf; audited with the note. */
    OrderDetails decideForCustomer(
            String orderId, DelayChoice choice, String alternativeSku, String note, String username) {
        OrderDetails decided = decide(orderId, choice, alternativeSku, username, note);
        staffActions.record(StaffAction.onOrder(
                username,
                "DELAY_DECIDED",
                orderId,
                note,
                choice + (choice == DelayChoice.SWITCH ? " to " + alternativeSku : "")));
        return decided;
    }

    /**
     * The customer decides through the signed link (checked by the caller); audited as the customer's, with the
     * client address the link was used from (whoever holds the link acts as the customer).
     */
    public OrderDetails decideAsCustomer(
            String orderId, DelayChoice choice, String alternativeSku, String clientAddress) {
        OrderDetails decided = decide(orderId, choice, alternativeSku, CUSTOMER, null);
        staffActions.record(StaffAction.byCustomer(
                "DELAY_DECIDED",
                orderId,
                choice + (choice == DelayChoice.SWITCH ? " to " + alternativeSku : ""),
                clientAddress));
        return decided;
    }

    private OrderDetails decide(
            String orderId, DelayChoice choice, String alternativeSku, String decidedBy, String note) {
        StoredOrder order = orders.find(orderId).orElseThrow(() -> OrderQueries.notFound(orderId));
        DelayDecision decision = switch (choice) {
            case SWITCH -> switchTo(order, alternativeSku, decidedBy, note);
            case WAIT, CANCEL -> new DelayDecision(choice, null, null, null, decidedBy, note);
        };
        try {
            OrderState state =
                    workflows.update(orderId, OrderWorkflows.DECIDE, decision, ProblemCodes.DECISION_NOT_OPEN);
            return queries.details(orderId, state);
        } catch (WorkflowNotFoundException missing) {
            StoredOrder now = orders.find(orderId).orElse(order);
            if (now.finished() || workflows.completed(orderId)) {
                throw ApiException.conflict(
                        ProblemCodes.DECISION_NOT_OPEN,
                        "Order " + orderId + " is no longer open, so there is no delay to decide.");
            }
            log.warn(
                    "Order {} is {} in the database but Temporal has no running workflow for it; the decision is "
                            + "refused until the reconciler rebuilds it",
                    orderId,
                    now.status());
            workflows.rebuildSoon(orderId);
            throw new WorkflowRebuilding(orderId, now.status());
        }
    }

    private DelayDecision switchTo(StoredOrder order, String alternativeSku, String decidedBy, String note) {
        if (alternativeSku == null || alternativeSku.isBlank()) {
            throw ApiException.invalidField("alternativeSku", "is required for SWITCH");
        }
        DecisionView.Alternative alternative =
                alternatives.require(order.sku(), alternativeSku, order.quantity(), order.currency());
        return new DelayDecision(
                DelayChoice.SWITCH,
                alternative.sku(),
                alternative.name(),
                Money.of(alternative.unitPrice(), alternative.currency()),
                decidedBy,
                note);
    }
}
