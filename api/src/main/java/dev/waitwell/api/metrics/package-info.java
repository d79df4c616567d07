/**
 * Business metrics for Prometheus ({@code /actuator/prometheus}): orders placed and by status, allocations, delays,
 * delay decisions, refunds, disputes, customer messages and deposits held. Every figure is read from PostgreSQL, so it is
 * right across restarts and identical on every API instance; the reads are cached for
 * {@code waitwell.metrics.refresh} so that scrapes stay cheap.
 */
package dev.waitwell.api.metrics;
