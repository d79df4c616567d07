package dev.waitwell.workflows.order;

import java.util.Objects;

/** The shipment of an order, as the warehouse confirmed it. */
public record ShipmentRecord(String orderId, Shipment shipment) {

    public ShipmentRecord {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shipment, "shipment");
    }
}
