package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;

/**
 * What an order says when a charge does not go through: its status says why and until when, and the customer hears
 * once per kind (declined, or waiting on their bank) and charge purpose.
 */
final class PaymentNotices {

    private PaymentNotices() {}

    static void tell(OrderRun run, ChargeOutcome outcome, ChargePurpose purpose, Money amount, Instant graceEnds) {
        if (outcome.kind() == ChargeOutcome.Kind.WAITS_ON_CUSTOMER) {
            run.changeStatus(
                    OrderStatus.AWAITING_PAYMENT,
                    "Payment of " + amount.display() + " needs the customer's confirmation with their bank ("
                            + outcome.issue().code() + "); waiting until " + graceEnds);
            run.notifyCustomer(run.messages()
                    .milestone(
                            Milestone.PAYMENT_ACTION_REQUIRED,
                            Milestone.PAYMENT_ACTION_REQUIRED.name() + "-" + purpose,
                            amount));
            return;
        }
        run.changeStatus(
                OrderStatus.AWAITING_PAYMENT,
                "Payment of " + amount.display() + " declined (" + outcome.reason()
                        + "); waiting for a new payment method until " + graceEnds);
        run.notifyCustomer(run.messages()
                .milestone(Milestone.PAYMENT_FAILED, Milestone.PAYMENT_FAILED.name() + "-" + purpose, amount));
    }
}
