package dev.waitwell.api.checkout;

import dev.waitwell.workflows.shared.Bounds;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What checkout needs of a product: its price, release, counters and backorder rules, read with the row locked. */
record CheckoutProduct(
        String sku,
        String name,
        long priceMinor,
        String currency,
        LocalDate releaseDate,
        OffsetDateTime releasedAt,
        int depositPercent,
        Integer preorderCap,
        int preordered,
        int onHand,
        int backordered,
        boolean backordersAllowed,
        Integer backorderMaxWaitDays,
        Integer backorderMaxQuantity,
        LocalDate restockEta) {

    /** A pre-order is possible while the release date lies ahead and nobody released the product early. */
    boolean takesPreordersOn(LocalDate today) {
        return releaseDate != null && releaseDate.isAfter(today) && releasedAt == null;
    }

    boolean preorderCapAllows(int quantity) {
        return preorderCap == null || preordered + quantity <= preorderCap;
    }

    /** Units ordered and not yet allocated stay within {@link Bounds#MAX_STOCK_UNITS}, the counters' cap. */
    boolean stockLimitAllows(int units) {
        return (long) preordered + backordered + units <= Bounds.MAX_STOCK_UNITS;
    }

    boolean backorderCapAllows(int units) {
        return backorderMaxQuantity == null || backordered + units <= backorderMaxQuantity;
    }
}
