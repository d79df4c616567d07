package dev.waitwell.api.order;

import dev.waitwell.api.payment.OrderPayments;
import dev.waitwell.api.payment.PaymentTotals;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.order.OrderState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads orders as the workflows have written them, brought up to date with the order workflow's live state
 * (status, payments, promise, an open delay decision) when it answers: an open decision lives only there.
 */
@Component
public class OrderQueries {

    private static final Set<String> FINAL = Set.of("SHIPPED", "CANCELLED");

    private final Orders orders;
    private final OrderPayments payments;
    private final CustomerLinks links;
    private final JdbcClient jdbc;
    private final Alternatives alternatives;

    OrderQueries(
            Orders orders, OrderPayments payments, CustomerLinks links, JdbcClient jdbc, Alternatives alternatives) {
        this.orders = orders;
        this.payments = payments;
        this.links = links;
        this.jdbc = jdbc;
        this.alternatives = alternatives;
    }

    Optional<OrderView> view(String orderId) {
        return orders.find(orderId).map(this::view);
    }

    public OrderView view(StoredOrder order) {
        return view(order, payments.totals(order.orderId()), rewardCode(order.orderId()));
    }

    /**
     * An order the request at hand has just placed: nothing is paid, refunded or rewarded before its workflow starts,
     * so checkout's answer costs no reads beyond the order it wrote.
     */
    public OrderView viewOfNew(StoredOrder order) {
        return view(order, new PaymentTotals(0, 0), null);
    }

    private static OrderView view(StoredOrder order, PaymentTotals totals, String rewardCode) {
        return new OrderView(
                order.orderId(),
                order.kind(),
                order.status(),
                order.sku(),
                order.quantity(),
                order.priority(),
                order.allocatedUnits(),
                order.paymentPlan().name(),
                order.promisedDate(),
                order.currency(),
                order.total(),
                totals.paid(),
                totals.refunded(),
                null,
                null,
                rewardCode,
                null);
    }

    /**
     * The view with the customer's signed link, which acts for the customer: only for the storefront, which shows
     * the customer their link (its checkout answer and its own read of the order). Staff views never carry it.
     */
    public OrderView withCustomerLink(OrderView view) {
        return orders.find(view.orderId())
                .map(order -> withCustomerLink(view, order.linkExpiresAt()))
                .orElse(view);
    }

    /** As {@link #withCustomerLink(OrderView)}, for an order whose link expiry is at hand (checkout's own). */
    public OrderView withCustomerLink(OrderView view, Instant linkExpiresAt) {
        return view.withCustomerUrl(links.urlFor(view.orderId(), linkExpiresAt));
    }

    /** The details with the customer's signed link: see {@link #withCustomerLink(OrderView)}. */
    public OrderDetails withCustomerLink(OrderDetails details) {
        return new OrderDetails(withCustomerLink(details.order()), details.timeline(), details.notifications());
    }

    /** The view brought up to date with the workflow's state, with the alternatives of an open decision. */
    public OrderView withState(OrderView view, OrderState state) {
        DecisionView decision = state.decision() == null
                ? null
                : DecisionView.of(
                        state.decision(),
                        alternatives.inStock(
                                state.sku() == null ? view.sku() : state.sku(), view.quantity(), view.currency()));
        return view.withState(state, decision);
    }

    /**
     * The order with its timeline and messages; an open order also with its workflow's live state when the
     * workflow answers (within the bound of {@code live}), else as the database has it.
     */
    public OrderDetails details(String orderId, Function<String, Optional<OrderState>> live) {
        OrderView view = view(orderId).orElseThrow(() -> notFound(orderId));
        Optional<OrderState> state = FINAL.contains(view.status()) ? Optional.empty() : live.apply(orderId);
        return details(state.map(known -> withState(view, known)).orElse(view));
    }

    /** The order with the state a workflow update answered. */
    OrderDetails details(String orderId, OrderState state) {
        return details(withState(view(orderId).orElseThrow(() -> notFound(orderId)), state));
    }

    /** The order from the database only. */
    OrderDetails details(String orderId) {
        return details(view(orderId).orElseThrow(() -> notFound(orderId)));
    }

    private OrderDetails details(OrderView view) {
        return new OrderDetails(view, timeline(view.orderId()), notifications(view.orderId()));
    }

    private String rewardCode(String orderId) {
        return jdbc.sql("SELECT code FROM reward_codes WHERE order_id = ? ORDER BY delay_number DESC LIMIT 1")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static ApiException notFound(String orderId) {
        return ApiException.notFound(ProblemCodes.ORDER_NOT_FOUND, "No order with id " + orderId + ".");
    }

    private List<OrderDetails.TimelineEntry> timeline(String orderId) {
        return jdbc.sql("SELECT at, type, message FROM order_events WHERE order_id = ? ORDER BY at, id")
                .param(orderId)
                .query(OrderDetails.TimelineEntry.class)
                .list();
    }

    private List<OrderDetails.NotificationView> notifications(String orderId) {
        return jdbc.sql("""
                SELECT created_at AS at, channel, template, status, detail
                  FROM notifications WHERE order_id = ? ORDER BY created_at, id""")
                .param(orderId)
                .query(OrderDetails.NotificationView.class)
                .list();
    }
}
