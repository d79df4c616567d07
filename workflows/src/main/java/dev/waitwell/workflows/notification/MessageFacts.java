package dev.waitwell.workflows.notification;

import dev.waitwell.workflows.shared.Money;
import java.time.LocalDate;

/**
 * What a message may say about the order. Fields that do not apply to a milestone are null.
 *
 * @param amount the amount this milestone is about: charged, to be charged, or refunded
 */
public record MessageFacts(
        String productName,
        String sku,
        int quantity,
        LocalDate promisedDate,
        Money amount,
        Money total,
        Money paid,
        String customerUrl,
        String carrier,
        String trackingNumber,
        String reason) {
}
