/**
 * Recovery: what a request should have started and did not (the API stopped between a commit and a workflow
 * start, or Temporal refused the start) is started later by a sweep. Each sweep lives in its feature package and
 * implements {@link dev.waitwell.api.recovery.RecoverySweep}; this package runs them all every
 * {@code waitwell.recovery.interval}, each on its own, so one that fails does not hold up the others. Sweeps start
 * workflows under their deterministic ids, so several API instances may sweep at once.
 */
package dev.waitwell.api.recovery;
