package dev.waitwell.workflows.order;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.Money;

/** Builds the order's milestone messages from its input and live figures. Pure: no I/O. */
final class OrderMessages {

    private final PlaceOrderInput input;

    OrderMessages(PlaceOrderInput input) {
        this.input = input;
    }

    NotificationRequest milestone(Milestone milestone, String key, Money amount, Money paid) {
        return request(milestone, key, amount, paid, null, null);
    }

    NotificationRequest shipped(Shipment shipment, Money paid) {
        return new NotificationRequest(input.orderId(), Milestone.SHIPPED.name(), Milestone.SHIPPED,
                input.customer(), facts(null, paid, shipment, null));
    }

    NotificationRequest cancelled(Money refunded, Money paid, String reason) {
        return request(Milestone.CANCELLED, Milestone.CANCELLED.name(), refunded, paid, null, reason);
    }

    private NotificationRequest request(Milestone milestone, String key, Money amount, Money paid,
            Shipment shipment, String reason) {
        return new NotificationRequest(input.orderId(), key, milestone, input.customer(),
                facts(amount, paid, shipment, reason));
    }

    private MessageFacts facts(Money amount, Money paid, Shipment shipment, String reason) {
        return new MessageFacts(
                input.productName(),
                input.sku(),
                input.quantity(),
                input.promisedDate(),
                amount,
                input.total(),
                paid,
                input.customerUrl(),
                shipment == null ? null : shipment.carrier(),
                shipment == null ? null : shipment.trackingNumber(),
                reason);
    }
}
