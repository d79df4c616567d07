package dev.waitwell.api.order;

import dev.waitwell.workflows.order.OrderState;
import java.time.LocalDate;

/** An order as checkout and the shop see it. Amounts in minor units. */
record OrderView(
        String orderId,
        String kind,
        String status,
        String sku,
        int quantity,
        String paymentPlan,
        LocalDate promisedDate,
        String currency,
        long total,
        long paid,
        long refunded,
        String customerUrl) {

    /** The workflow's answer is newer than what it has written to the database so far. */
    OrderView withState(OrderState state) {
        return new OrderView(orderId, kind, state.status().name(), sku, quantity, paymentPlan, promisedDate, currency,
                total, state.paid(), state.refunded(), customerUrl);
    }
}
