package dev.waitwell.api.order;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.order.PaymentPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An {@code orders} row, with the name of its product and its units. Amounts in minor units.
 *
 * @param priority its place in the allocation queue: higher first
 * @param allocatedUnits units allocated to it now ({@code order_stock.allocated})
 * @param allocatedAtCheckout units it took from stock at checkout
 * @param latestAcceptableDate the latest promise it accepts before a delay offers only SWITCH or CANCEL; null
 *     for no limit
 * @param workflowStarted whether Temporal took the start of its workflow once ({@code orders.workflow_started_at})
 */
public record StoredOrder(
        String orderId,
        String requestHash,
        String kind,
        String status,
        String sku,
        String productName,
        int quantity,
        PaymentPlan paymentPlan,
        String paymentMethod,
        String currency,
        long unitPrice,
        long total,
        long firstPayment,
        LocalDate promisedDate,
        String customerId,
        String customerName,
        String customerEmail,
        String customerPhone,
        List<Channel> channels,
        String customerLocale,
        Instant linkExpiresAt,
        int priority,
        int allocatedUnits,
        int allocatedAtCheckout,
        LocalDate latestAcceptableDate,
        boolean workflowStarted) {

    public Customer customer() {
        return new Customer(customerId, customerName, customerEmail, customerPhone, channels, customerLocale);
    }

    /** SHIPPED or CANCELLED: its workflow never runs again, whatever Temporal remembers of it. */
    public boolean finished() {
        return "SHIPPED".equals(status) || "CANCELLED".equals(status);
    }

    /** The same order with the promise checkout made, for the checkout input of an order whose promise moved. */
    StoredOrder promisedAtCheckout(LocalDate promised, LocalDate latestAcceptable) {
        return new StoredOrder(
                orderId,
                requestHash,
                kind,
                status,
                sku,
                productName,
                quantity,
                paymentPlan,
                paymentMethod,
                currency,
                unitPrice,
                total,
                firstPayment,
                promised,
                customerId,
                customerName,
                customerEmail,
                customerPhone,
                channels,
                customerLocale,
                linkExpiresAt,
                priority,
                allocatedUnits,
                allocatedAtCheckout,
                latestAcceptable,
                workflowStarted);
    }
}
