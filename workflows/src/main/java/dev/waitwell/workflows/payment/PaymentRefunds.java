package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.shared.Money;
import io.temporal.workflow.Workflow;

/**
 * Gives an order's money back: part of it (a switch to a cheaper item), each part under its own numbered step, or
 * everything paid and not yet refunded (a cancellation). The run's totals follow what the activity answers.
 */
public final class PaymentRefunds {

    private final PaymentActivities activities =
            Workflow.newActivityStub(PaymentActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private int partialRefunds;

    PaymentRefunds(OrderRun run) {
        this.run = run;
    }

    /** Refunds part of what was paid (a switch to a cheaper item). */
    public void refundPart(Money amount, String reason) {
        partialRefunds++;
        Money now = activities
                .refundPart(new PartialRefundRequest(run.orderId(), "partial-refund-" + partialRefunds, amount, reason))
                .refunded();
        run.recordRefund(now);
        run.recordEvent("REFUNDED", now.display() + " refunded: " + reason);
    }

    /** Refunds everything paid and not yet refunded; returns the total refunded so far. */
    public Money refundAll(String reason) {
        Money now = activities
                .refundAll(new RefundRequest(run.orderId(), run.currency(), reason))
                .refunded();
        run.recordRefund(now);
        if (now.isPositive()) {
            run.recordEvent("REFUNDED", now.display() + " refunded: " + reason);
        }
        return Money.of(run.refunded(), run.currency());
    }

    /** The number of the last partial refund step, which must never repeat. */
    int partialRefunds() {
        return partialRefunds;
    }

    /** A continued run numbers on from where the last one stopped. */
    void resume(int lastPartialRefund) {
        partialRefunds = lastPartialRefund;
    }
}
