package dev.waitwell.api.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the order actions. */
final class ActionBodies {

    private ActionBodies() {
    }

    record ShipmentBody(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    record CancellationBody(@NotBlank @Size(max = 500) String reason) {
    }

    /** Higher priorities are served first by the next allocation; 0 is every order's default. */
    record PriorityBody(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer priority,
            @NotBlank @Size(max = 500) String reason) {
    }

    record PaymentMethodBody(@NotBlank @Size(max = 200) String paymentMethod) {
    }
}
