package dev.waitwell.api.order;

import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.lifecycle.OrderPolicy;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The checkout input of an order's workflow, from its row and the API's policy settings: what the workflow is
 * started with, and what {@code orders.workflow_input} keeps for a rebuild.
 */
@Component
class OrderInputs {

    private final WaitwellProperties properties;
    private final CustomerLinks links;

    OrderInputs(WaitwellProperties properties, CustomerLinks links) {
        this.properties = properties;
        this.links = links;
    }

    PlaceOrderInput of(StoredOrder order) {
        OrderKind kind = OrderKind.valueOf(order.kind());
        boolean preorder = kind == OrderKind.PREORDER;
        return new PlaceOrderInput(
                order.orderId(),
                kind,
                order.customer(),
                order.sku(),
                order.productName(),
                order.quantity(),
                Money.of(order.unitPrice(), order.currency()),
                order.paymentPlan(),
                order.paymentMethod(),
                Money.of(order.firstPayment(), order.currency()),
                preorder ? order.promisedDate() : null,
                preorder ? order.promisedDate().atStartOfDay(properties.zone()).toInstant() : null,
                order.promisedDate(),
                links.urlFor(order.orderId(), order.linkExpiresAt()),
                policy(),
                order.allocatedAtCheckout(),
                order.latestAcceptableDate());
    }

    private OrderPolicy policy() {
        WaitwellProperties.Policy policy = properties.policy();
        return new OrderPolicy(
                policy.preReleaseReminder(),
                policy.paymentGrace(),
                policy.decisionWindow(),
                policy.silentConsentLimit(),
                policy.reminderInterval(),
                policy.delayReward(),
                properties.zone().getId(),
                policy.historyEventLimit());
    }
}
