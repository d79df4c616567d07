package dev.waitwell.api.report;

import java.time.LocalDate;

/**
 * What the metrics need of one order. Days are in the shop's zone.
 *
 * @param shippedDay the day of its first {@code STATUS_SHIPPED} event; null unless shipped
 * @param firstPromise the date promised at placement: the {@code previous_date} of its first promise change, or
 *     its promised date when it never changed; null when no date was promised
 * @param delays its {@code STATUS_AWAITING_DECISION} events (delay notices that asked the customer)
 */
record OrderFact(
        String sku,
        String kind,
        String status,
        int quantity,
        LocalDate placedDay,
        LocalDate shippedDay,
        LocalDate firstPromise,
        long delays,
        String cancellationReason) {

    boolean shipped() {
        return "SHIPPED".equals(status);
    }

    boolean fromStock() {
        return "IN_STOCK".equals(kind);
    }

    boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    /** Shipped, and on or before the first promised day; an order never promised a date is not on time. */
    boolean onTime() {
        return shipped() && shippedDay != null && firstPromise != null && !shippedDay.isAfter(firstPromise);
    }

    long waitDays() {
        return shippedDay.toEpochDay() - placedDay.toEpochDay();
    }
}
