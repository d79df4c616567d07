package dev.waitwell.api.order;

import dev.waitwell.api.ledger.Ledger;
import dev.waitwell.api.payment.OrderPayments;
import dev.waitwell.workflows.order.OrderState;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Puts together everything staff see of one order: the database's records and the workflow's live state. */
@Component
class AdminOrderViews {

    private final OrderQueries queries;
    private final OrderWorkflows workflows;
    private final Ledger ledger;
    private final OrderPayments payments;
    private final OrderStory story;

    AdminOrderViews(
            OrderQueries queries, OrderWorkflows workflows, Ledger ledger, OrderPayments payments, OrderStory story) {
        this.queries = queries;
        this.workflows = workflows;
        this.ledger = ledger;
        this.payments = payments;
        this.story = story;
    }

    /** @throws dev.waitwell.api.shared.ApiException 404 ORDER_NOT_FOUND */
    AdminOrderDetails of(String orderId) {
        Optional<OrderState> state = workflows.state(orderId);
        OrderDetails details =
                state.map(known -> queries.details(orderId, known)).orElseGet(() -> queries.details(orderId));
        OrderStory.Chapters chapters = story.of(orderId);
        WorkflowRebuilds.Summary rebuilds = chapters.rebuilds();
        return new AdminOrderDetails(
                details,
                ledger.linesOf(orderId),
                payments.of(orderId),
                payments.refundsOf(orderId),
                payments.totals(orderId),
                payments.disputesOf(orderId),
                chapters.allocations(),
                chapters.queue(),
                chapters.decisions(),
                chapters.promiseHistory(),
                chapters.audit(),
                state.map(WorkflowStateView::of).orElse(null),
                state.isPresent() ? null : "The workflow could not be queried now; the rest is from the database.",
                rebuilds.lastRebuiltAt(),
                rebuilds.rebuilds(),
                chapters.smsOptOut());
    }
}
