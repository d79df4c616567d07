package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.DelayDecision;
import dev.waitwell.workflows.delay.SwitchOutcome;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ActivityFailure;

/**
 * A delay decided as SWITCH: the order takes an in-stock alternative. The units change product in one
 * transaction, the price difference is charged or refunded, and the order goes on to shipment with the new
 * item. An alternative that sold out meanwhile changes nothing.
 */
final class ItemSwitch {

    private final OrderWorkflowImpl order;
    private final DelayActivities activities;
    private final PaymentCollector payments;
    private final StockKeeper stock;

    ItemSwitch(OrderWorkflowImpl order, DelayActivities activities, PaymentCollector payments, StockKeeper stock) {
        this.order = order;
        this.activities = activities;
        this.payments = payments;
        this.stock = stock;
    }

    /** Switches, then runs {@code applied} once the order has its new item; false when the alternative sold out. */
    boolean switchTo(DelayDecision decision, Runnable applied) {
        PlaceOrderInput input = order.input();
        SwitchOutcome outcome;
        try {
            outcome = activities.switchItem(new SwitchRequest(input.orderId(), order.item().sku(),
                    decision.alternativeSku(), input.quantity(), decision.alternativeUnitPrice()));
        } catch (ActivityFailure outOfStock) {
            order.recordEvent("SWITCH_FAILED", decision.alternativeSku() + " could not be switched to: "
                    + OrderWorkflowImpl.rootMessage(outOfStock) + "; the decision stays open");
            return false;
        }
        AllocationFanOut.startDetached(outcome.reallocation());
        String from = order.item().productName();
        order.switchedTo(new OrderItem(decision.alternativeSku(), decision.alternativeName(),
                decision.alternativeUnitPrice()));
        stock.allocatedBySwitch();
        applied.run();
        Money difference = order.total().minus(order.netPaid());
        if (difference.isPositive()) {
            payments.collect(ChargePurpose.BALANCE, difference, OrderStatus.AWAITING_STOCK);
        } else if (difference.amountMinor() < 0) {
            payments.refundPart(Money.of(-difference.amountMinor(), input.unitPrice().currency()),
                    "switched from " + from);
        }
        order.changeStatus(OrderStatus.AWAITING_STOCK, "Switched from " + from + " to " + order.item().productName());
        order.notifyCustomer(order.messages().switched(difference, "switched from " + from));
        return true;
    }
}
