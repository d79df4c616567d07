package dev.waitwell.api.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An order as the staff's list shows it, from the database. {@code total} in minor units. */
record OrderSummary(
        String orderId,
        String kind,
        String status,
        String sku,
        int quantity,
        String customerId,
        String customerEmail,
        OffsetDateTime placedAt,
        LocalDate promisedDate,
        long total,
        String currency,
        int priority) {}
