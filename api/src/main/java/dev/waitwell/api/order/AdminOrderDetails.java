package dev.waitwell.api.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.waitwell.api.ledger.LedgerLine;
import dev.waitwell.api.payment.PaymentRecord;
import dev.waitwell.workflows.order.OrderState;
import java.util.List;

/**
 * An order as staff see it: the details, its ledger lines and payments, and the live workflow state
 * ({@code workflow} is null, with {@code workflowNote} saying why, when the workflow cannot be queried).
 */
record AdminOrderDetails(
        @JsonUnwrapped OrderDetails details,
        List<LedgerLine> ledger,
        List<PaymentRecord> payments,
        OrderState workflow,
        String workflowNote) {
}
