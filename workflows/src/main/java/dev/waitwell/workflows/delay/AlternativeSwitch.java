package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.inventory.StockKeeper;
import dev.waitwell.workflows.lifecycle.OrderActivityOptions;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.PaymentCollector;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * A delay decided as SWITCH: the order takes an in-stock alternative. The units change product in one
 * transaction, the price difference is charged or refunded, and the order goes on to shipment with the new item.
 * An alternative that sold out meanwhile changes nothing.
 */
public final class AlternativeSwitch {

    private final DelayActivities activities =
            Workflow.newActivityStub(DelayActivities.class, OrderActivityOptions.DURABLE);
    private final OrderRun run;
    private final PaymentCollector payments;
    private final StockKeeper stock;

    public AlternativeSwitch(OrderRun run, PaymentCollector payments, StockKeeper stock) {
        this.run = run;
        this.payments = payments;
        this.stock = stock;
    }

    /** Switches, then runs {@code applied} once the order has its new item; false when the alternative sold out. */
    boolean switchTo(DelayDecision decision, DelayMessages messages, Runnable applied) {
        SwitchOutcome outcome;
        try {
            outcome = activities.switchItem(new SwitchRequest(
                    run.orderId(),
                    run.item().sku(),
                    decision.alternativeSku(),
                    run.quantity(),
                    decision.alternativeUnitPrice()));
        } catch (ActivityFailure outOfStock) {
            run.recordEvent(
                    "SWITCH_FAILED",
                    decision.alternativeSku() + " could not be switched to: " + BusinessFailure.rootMessage(outOfStock)
                            + "; the decision stays open");
            return false;
        }
        AllocationFanOut.startDetached(outcome.reallocation());
        String from = run.item().productName();
        run.switchTo(
                new OrderItem(decision.alternativeSku(), decision.alternativeName(), decision.alternativeUnitPrice()));
        stock.allocatedBySwitch();
        applied.run();
        Money difference = run.due();
        if (difference.isPositive()) {
            payments.collect(ChargePurpose.BALANCE, difference, OrderStatus.AWAITING_STOCK);
        } else if (difference.amountMinor() < 0) {
            payments.refunds().refundPart(Money.of(-difference.amountMinor(), run.currency()), "switched from " + from);
        }
        run.changeStatus(
                OrderStatus.AWAITING_STOCK,
                "Switched from " + from + " to " + run.item().productName());
        run.notifyCustomer(messages.switched(difference, "switched from " + from));
        return true;
    }

    /**
     * A rebuilt run whose switch waited on the difference's charge (the switch itself is done: the order is for the
     * alternative): the charge, then the status and message the switch ends with. The item switched from is no
     * longer known, so the words name the one switched to.
     */
    void finishCharge(DelayMessages messages) {
        Money difference = run.due();
        payments.collect(ChargePurpose.BALANCE, difference, OrderStatus.AWAITING_STOCK);
        String to = run.item().productName();
        run.changeStatus(OrderStatus.AWAITING_STOCK, "Switched to " + to);
        run.notifyCustomer(messages.switched(difference, "switched to " + to));
    }
}
