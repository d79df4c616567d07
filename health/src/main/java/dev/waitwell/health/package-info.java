/**
 * Health checks that the API and the worker both report, so they are written once: the {@code temporal}
 * component (the Temporal frontend answers, through the process's own client). Each process imports
 * {@link dev.waitwell.health.TemporalHealthConfiguration}; what only one process checks stays there (the
 * worker's {@code temporalWorkers}). Spring and the Temporal SDK only: this module sees neither activities nor
 * API code, so the API can use it without seeing the worker's side.
 */
package dev.waitwell.health;
