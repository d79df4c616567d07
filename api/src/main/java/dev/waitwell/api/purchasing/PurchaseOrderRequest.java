package dev.waitwell.api.purchasing;

import dev.waitwell.workflows.shared.Bounds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /admin/v1/purchase-orders}: the id is the buyer's, so a retry sends the same one. */
record PurchaseOrderRequest(
        @NotBlank @Pattern(regexp = PurchaseOrderRequest.ID, message = "must match " + PurchaseOrderRequest.ID) String id,

        @NotBlank @Size(max = 200) String supplier,

        @NotBlank @Pattern(regexp = PurchaseOrderRequest.ID, message = "must match " + PurchaseOrderRequest.ID) String sku,

        @NotNull @Min(1) @Max(Bounds.MAX_UNITS_PER_DELIVERY) Integer quantity,
        @NotNull LocalDate expectedDate,
        @Size(max = 500) String reason) {

    static final String ID = "[A-Za-z0-9._-]{1,64}";

    /** The body of {@code PUT /admin/v1/purchase-orders/{id}}: a supplier's new date and why it moved. */
    record DateChange(
            @NotNull LocalDate expectedDate,
            @NotBlank @Size(max = 500) String reason) {}
}
