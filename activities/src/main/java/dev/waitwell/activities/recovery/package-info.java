/**
 * Recovery: what PostgreSQL records each order has done, read back as an {@link
 * dev.waitwell.workflows.order.OrderRecord} when Temporal no longer has the order's workflow, and the records of
 * every rebuild and reconciler pass. The worker's rebuilder and reconciler (which talk to Temporal) use these.
 */
package dev.waitwell.activities.recovery;
