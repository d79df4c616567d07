package dev.waitwell.api.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.waitwell.api.payment.PaymentIssueView;
import dev.waitwell.workflows.order.OrderState;
import java.time.LocalDate;

/**
 * An order as checkout and the shop see it. Amounts in minor units.
 *
 * @param priority its place in the allocation queue (higher first, then earliest placement)
 * @param allocatedUnits units of stock allocated to it so far, as the database has them (an allocation is
 *     committed there before the order's workflow hears of it)
 * @param customerUrl the customer's signed self-service link: it acts for the customer, so only the storefront's
 *     checkout answer and its own order read carry it ({@link #withCustomerUrl}); null, and left out of the JSON,
 *     everywhere else (staff never see it)
 * @param promisedDate the date the order is promised for now; null when no date can be promised (unknown)
 * @param decision the delay waiting for the customer's choice, or null
 * @param rewardCode the discount code issued for waiting after a delay, or null
 * @param paymentIssue while a charge waits on the customer (declined, or their bank asks them to confirm): what
 *     stands in the way, from the workflow's state; else null (and null when only the database answered)
 */
public record OrderView(
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String customerUrl,
        DecisionView decision,
        String rewardCode,
        PaymentIssueView paymentIssue) {

    /** The same view carrying the customer's signed link: for the storefront only. */
    OrderView withCustomerUrl(String url) {
        return new OrderView(
                orderId,
                kind,
                status,
                sku,
                quantity,
                priority,
                allocatedUnits,
                paymentPlan,
                promisedDate,
                currency,
                total,
                paid,
                refunded,
                url,
                decision,
                rewardCode,
                paymentIssue);
    }

    /**
     * The workflow's status, payments, promise, item, open decision and payment issue are newer than what it has written to
     * the database so far.
     */
    OrderView withState(OrderState state, DecisionView openDecision) {
        return new OrderView(
                orderId,
                kind,
                state.status().name(),
                state.sku() == null ? sku : state.sku(),
                quantity,
                priority,
                allocatedUnits,
                paymentPlan,
                state.promisedDate(),
                currency,
                state.total(),
                state.paid(),
                state.refunded(),
                customerUrl,
                openDecision,
                state.rewardCode() == null ? rewardCode : state.rewardCode(),
                PaymentIssueView.of(state.paymentIssue()));
    }
}
