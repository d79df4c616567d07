package dev.waitwell.api.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What checkout needs of a product. */
record CheckoutProduct(String sku, String name, long priceMinor, String currency, LocalDate releaseDate,
        OffsetDateTime releasedAt, int depositPercent) {

    /** A pre-order is possible while the release date lies ahead and nobody released the product early. */
    boolean takesPreordersOn(LocalDate today) {
        return releaseDate != null && releaseDate.isAfter(today) && releasedAt == null;
    }
}
