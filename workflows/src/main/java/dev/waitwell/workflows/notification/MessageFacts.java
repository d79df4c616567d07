package dev.waitwell.workflows.notification;

import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a message may say about the order. Fields that do not apply to a milestone are null.
 *
 * @param amount the amount this milestone is about: charged, to be charged, or refunded
 * @param promisedDate the date promised now; null when unknown (a delay without a new date)
 * @param choices for a delay notice: the choices offered
 * @param decisionDeadline for a delay notice: when the choice must be made
 * @param silenceMeansWait for a delay notice: whether no answer counts as waiting (else it cancels)
 * @param rewardCode for a delay: the discount code offered or issued; {@code rewardPercent} its size
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
        String reason,
        List<DelayChoice> choices,
        Instant decisionDeadline,
        boolean silenceMeansWait,
        String rewardCode,
        int rewardPercent) {

    /** The facts of every milestone that is not about a delay. */
    public MessageFacts(
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
        this(
                productName,
                sku,
                quantity,
                promisedDate,
                amount,
                total,
                paid,
                customerUrl,
                carrier,
                trackingNumber,
                reason,
                null,
                null,
                false,
                null,
                0);
    }
}
