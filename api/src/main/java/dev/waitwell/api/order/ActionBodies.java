package dev.waitwell.api.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of staff's order actions. */
final class ActionBodies {

    private ActionBodies() {}

    record ShipmentBody(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingNumber) {}

    record CancellationBody(@NotBlank @Size(max = 500) String reason) {}

    /** Higher priorities are served first by the next allocation; 0 is every order's default. */
    record PriorityBody(
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer priority,
            @NotBlank @Size(max = 500) String reason) {}

    /** Support decides a delay on the customer's behalf; {@code alternativeSku} names the product for SWITCH. */
    record DecisionBody(
            @NotNull @Pattern(regexp = CHOICES, message = "must be one of WAIT, SWITCH, CANCEL") String choice,

            @Pattern(regexp = SKU, message = "must be a sku") String alternativeSku,

            @Size(max = 500) String note) {}

    /** Support rebuilds an order's workflow; the body and its reason are optional. */
    record RecoveryBody(@Size(max = 500) String reason) {}

    /** Support sends the customer their link again; the body and its reason are optional. */
    record CustomerLinkBody(@Size(max = 500) String reason) {}

    static final String CHOICES = "WAIT|SWITCH|CANCEL";
    static final String SKU = "[A-Za-z0-9._-]{1,64}";
}
