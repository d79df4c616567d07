package dev.waitwell.workflows.order;

import io.temporal.activity.ActivityInterface;

/**
 * The order workflow's hand-offs to the shop: the fulfilment request to the warehouse and the shipment it
 * confirmed. Every write is idempotent by its key.
 */
@ActivityInterface
public interface OrderActivities {

    void recordShipment(ShipmentRecord record);

    void requestFulfilment(FulfilmentRequest request);
}
