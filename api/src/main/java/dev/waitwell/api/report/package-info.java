/**
 * Reports for operations, read from PostgreSQL: the service metrics of the orders placed in a period (backorder,
 * fill and on-time rates, waits, delays, cancellations, refunds, deposits held), per sku and overall, and a
 * product's demand with a reorder suggestion and why the most backordered skus waited. Each answers JSON, or a
 * flat CSV for {@code Accept: text/csv}.
 */
package dev.waitwell.api.report;
