package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.PaymentIssue;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The live state of an order workflow, as its query and its updates answer it.
 *
 * @param waitingFor what the workflow waits for now, in words (for support and ops)
 * @param waitingUntil when that wait ends by itself, or null
 * @param allocatedUnits units of stock allocated to the order so far
 * @param decision the delay waiting for the customer's choice, or null
 * @param sku the product the order is for now (an alternative after a switch)
 * @param rewardCode the discount code issued for waiting after a delay, or null
 * @param paymentIssue while a charge waits on the customer (declined, or their bank asks them to authenticate):
 *     what stands in the way; else null
 */
public record OrderState(
        String orderId,
        OrderStatus status,
        String currency,
        long total,
        long paid,
        long refunded,
        String paymentMethod,
        LocalDate promisedDate,
        boolean released,
        boolean firstPaymentSettled,
        String lastPaymentError,
        String waitingFor,
        Instant waitingUntil,
        Shipment shipment,
        String cancellationReason,
        int allocatedUnits,
        OpenDecision decision,
        String sku,
        String rewardCode,
        PaymentIssue paymentIssue) {}
