package dev.waitwell.api.order;

import dev.waitwell.api.payment.PaymentIssueView;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.order.Shipment;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The order workflow's live state as staff see it: its query's answer field by field, but for the payment issue,
 * which leaves out the bank's page as every other view does (only the customer's page links it: it acts for the
 * customer until the charge is settled).
 *
 * @param waitingFor what the workflow waits for now, in words
 * @param waitingUntil when that wait ends by itself, or null
 * @param paymentIssue while a charge waits on the customer: its code and short reason; else null
 */
record WorkflowStateView(
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
        PaymentIssueView paymentIssue) {

    static WorkflowStateView of(OrderState state) {
        return new WorkflowStateView(
                state.orderId(),
                state.status(),
                state.currency(),
                state.total(),
                state.paid(),
                state.refunded(),
                state.paymentMethod(),
                state.promisedDate(),
                state.released(),
                state.firstPaymentSettled(),
                state.lastPaymentError(),
                state.waitingFor(),
                state.waitingUntil(),
                state.shipment(),
                state.cancellationReason(),
                state.allocatedUnits(),
                state.decision(),
                state.sku(),
                state.rewardCode(),
                PaymentIssueView.of(state.paymentIssue()));
    }
}
