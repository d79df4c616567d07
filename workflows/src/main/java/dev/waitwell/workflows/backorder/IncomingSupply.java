package dev.waitwell.workflows.backorder;

import java.time.LocalDate;
import java.util.Objects;

/** Units still to come on one purchase order, and when they are expected. */
public record IncomingSupply(String purchaseOrderId, LocalDate expectedDate, int openQuantity) {

    public IncomingSupply {
        Objects.requireNonNull(expectedDate, "expectedDate");
    }
}
