package dev.waitwell.api.audit;

import java.time.OffsetDateTime;

/** One staff action as the audit list shows it: when, who, what, on which order or product, and why. */
public record AuditEntry(
        OffsetDateTime at, String user, String action, String orderId, String sku, String reason, String details) {}
