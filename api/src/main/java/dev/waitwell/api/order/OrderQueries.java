package dev.waitwell.api.order;

import dev.waitwell.api.payment.OrderPayments;
import dev.waitwell.api.payment.PaymentTotals;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads orders as the workflows have written them. */
@Component
class OrderQueries {

    private final Orders orders;
    private final OrderPayments payments;
    private final CustomerLinks links;
    private final JdbcClient jdbc;

    OrderQueries(Orders orders, OrderPayments payments, CustomerLinks links, JdbcClient jdbc) {
        this.orders = orders;
        this.payments = payments;
        this.links = links;
        this.jdbc = jdbc;
    }

    Optional<OrderView> view(String orderId) {
        return orders.find(orderId).map(this::view);
    }

    OrderView view(StoredOrder order) {
        PaymentTotals totals = payments.totals(order.orderId());
        return new OrderView(order.orderId(), order.kind(), order.status(), order.sku(), order.quantity(),
                order.priority(), order.allocatedUnits(), order.paymentPlan().name(), order.promisedDate(), order.currency(), order.total(), totals.paid(),
                totals.refunded(), links.urlFor(order.orderId(), order.linkExpiresAt()));
    }

    OrderDetails details(String orderId) {
        OrderView view = view(orderId).orElseThrow(() -> notFound(orderId));
        return new OrderDetails(view, timeline(orderId), notifications(orderId));
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
