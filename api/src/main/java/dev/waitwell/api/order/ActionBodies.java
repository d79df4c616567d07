package dev.waitwell.api.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the order actions. */
final class ActionBodies {

    private ActionBodies() {
    }

    record ShipmentBody(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    record CancellationBody(@NotBlank @Size(max = 500) String reason) {
    }

    record PaymentMethodBody(@NotBlank @Size(max = 200) String paymentMethod) {
    }
}
