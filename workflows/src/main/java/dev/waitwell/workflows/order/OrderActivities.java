package dev.waitwell.workflows.order;

import io.temporal.activity.ActivityInterface;

/**
 * Writes what the order workflow decides to PostgreSQL, for the API's reads: status, timeline,
 * payment method, shipment, fulfilment request. Every write is idempotent by its key.
 */
@ActivityInterface
public interface OrderActivities {

    void recordStatus(StatusChange change);

    void recordEvent(OrderEvent event);

    void recordPaymentMethod(PaymentMethodRecord record);

    void recordShipment(ShipmentRecord record);

    void requestFulfilment(FulfilmentRequest request);
}
