/**
 * Recovery on the worker: the rebuilder that starts a resumed run of an open order Temporal no longer runs (for the
 * reconciler and for support's {@code OrderRecoveryWorkflow}), the reconciler that looks for such orders at start-up
 * and then periodically, and its health component and metrics.
 */
package dev.waitwell.worker.recovery;
