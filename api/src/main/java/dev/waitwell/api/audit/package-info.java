/**
 * The audit trail: every staff action (who, what, on which order or product, why) as one row, recorded by the
 * feature that carries it out ({@link dev.waitwell.api.audit.StaffActions}), read back on an order's story and
 * listed, filtered and paged, at {@code /admin/v1/audit}.
 */
package dev.waitwell.api.audit;
