/**
 * The Waitwell REST API. It starts, updates and queries order workflows through a {@code WorkflowClient}
 * (it runs no workers) and answers reads from PostgreSQL, which the workflows keep up to date.
 */
package dev.waitwell.api;
