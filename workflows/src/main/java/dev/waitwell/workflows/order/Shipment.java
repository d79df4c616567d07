package dev.waitwell.workflows.order;

import java.util.Objects;

/** The warehouse's confirmation that an order left: carrier and tracking number. */
public record Shipment(String carrier, String trackingNumber) {

    public Shipment {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
    }
}
