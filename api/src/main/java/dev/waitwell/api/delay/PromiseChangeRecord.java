package dev.waitwell.api.delay;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A promise review's finding for one order: its promise moved from {@code previousDate} to {@code newDate}
 * (either null: unknown).
 *
 * @param at when the review ran
 * @param reason what customers were told, the review's cause (a supplier's slip, a new ETA, a receipt)
 * @param reviewId the review, named by its cause ({@code po-{id}-{dateChangeId}}, {@code receipt-{sku}-{receiptId}}...)
 */
public record PromiseChangeRecord(
        OffsetDateTime at, LocalDate previousDate, LocalDate newDate, String reason, String reviewId) {}
