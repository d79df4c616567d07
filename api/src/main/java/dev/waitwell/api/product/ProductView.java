package dev.waitwell.api.product;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A product with its stock counters, as staff see it. Amounts in minor units. */
record ProductView(
        String sku,
        String name,
        long price,
        String currency,
        LocalDate releaseDate,
        Integer preorderCap,
        int depositPercent,
        Backorders backorders,
        LocalDate restockEta,
        List<String> alternatives,
        boolean released,
        OffsetDateTime releasedAt,
        Stock stock) {

    record Backorders(boolean allowed, Integer maxWaitDays, Integer maxQuantity) {}

    /**
     * @param onHand received and free
     * @param allocated reserved for orders and not shipped
     * @param backordered ordered and waiting in the allocation queue for units not allocated yet
     * @param preordered pre-ordered and not yet allocated
     */
    record Stock(int onHand, int allocated, int backordered, int preordered) {}
}
