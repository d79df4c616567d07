package dev.waitwell.api.purchasing;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase order as staff see it.
 *
 * @param received units received against it so far
 * @param open units still to come ({@code quantity - received}): what checkout promises from
 */
record PurchaseOrderView(
        String id,
        String supplier,
        String sku,
        int quantity,
        int received,
        int open,
        LocalDate expectedDate,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A purchase order with every move of its expected date, oldest first. */
    record Details(@JsonUnwrapped PurchaseOrderView purchaseOrder, List<DateChange> dateChanges) {}

    record DateChange(
            LocalDate previousDate, LocalDate newDate, String reason, String changedBy, OffsetDateTime changedAt) {}
}
