package dev.waitwell.api.inventory;

import dev.waitwell.workflows.shared.Bounds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of both receipt endpoints. The reference is the warehouse's (a goods-received note): unique per
 * product, so the same receipt sent twice adds stock once. The optional reason goes to the audit trail.
 */
record ReceiptRequest(
        @NotNull @Min(1) @Max(Bounds.MAX_UNITS_PER_DELIVERY) Integer quantity,

        @NotBlank @Pattern(regexp = ReceiptRequest.REFERENCE, message = "must match " + ReceiptRequest.REFERENCE) String reference,

        @Size(max = 500) String reason) {

    static final String REFERENCE = "[A-Za-z0-9._:/-]{1,100}";
}
