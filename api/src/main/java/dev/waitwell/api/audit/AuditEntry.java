package dev.waitwell.api.audit;

import java.time.OffsetDateTime;

/**
 * One staff action as the audit list shows it: when, who, what, on which order or product, and why.
 *
 * @param clientAddress for an action taken with the customer's signed link (user {@code customer}): the client
 *     address it came from; null for staff
 */
public record AuditEntry(
        OffsetDateTime at,
        String user,
        String action,
        String orderId,
        String sku,
        String reason,
        String details,
        String clientAddress) {}
