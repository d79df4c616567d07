package dev.waitwell.api.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the staff's order list is narrowed to; a null field does not narrow it.
 *
 * @param customer a customer id or an email address, matched exactly
 * @param placedFrom placed at or after
 * @param placedTo placed before
 * @param promisedBefore promised for a date before this one
 */
record OrderFilter(
        String status,
        String kind,
        String sku,
        String customer,
        Instant placedFrom,
        Instant placedTo,
        LocalDate promisedBefore) {}
