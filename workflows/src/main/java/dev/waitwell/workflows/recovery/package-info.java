/**
 * Recovery: an open order whose workflow Temporal no longer has (a local restart, a namespace recreated, a run
 * terminated by hand) is rebuilt from what PostgreSQL records it has done ({@link
 * dev.waitwell.workflows.order.OrderRecord}). The worker's reconciler does it on its own; support asks for one
 * order at once through {@link dev.waitwell.workflows.recovery.OrderRecoveryWorkflow}.
 */
package dev.waitwell.workflows.recovery;
