package dev.waitwell.api.order;

import dev.waitwell.workflows.order.OrderState;
import java.time.LocalDate;

/**
 * An order as checkout and the shop see it. Amounts in minor units.
 *
 * @param priority its place in the allocation queue (higher first, then earliest placement)
 * @param allocatedUnits units of stock allocated to it so far, as the database has them (an allocation is
 *     committed there before the order's workflow hears of it)
 */
record OrderView(
        String orderId,
        String kind,
        String status,
        String sku,
        int quantity,
        int priority,
        int allocatedUnits,
        String paymentPlan,
        LocalDate promisedDate,
        String currency,
        long total,
        long paid,
        long refunded,
        String customerUrl) {

    /** The workflow's status and payments are newer than what it has written to the database so far. */
    OrderView withState(OrderState state) {
        return new OrderView(orderId, kind, state.status().name(), sku, quantity, priority,
                allocatedUnits, paymentPlan, promisedDate, currency, total,
                state.paid(), state.refunded(), customerUrl);
    }
}
