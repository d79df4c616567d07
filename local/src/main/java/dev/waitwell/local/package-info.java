/**
 * The one-command local run: an embedded PostgreSQL (zonky, data kept on disk), the Temporal Java test
 * server as a standalone gRPC service in real time, then the worker and the API as child JVMs with the
 * {@code local} profile. Either embedded service is skipped when its environment variable points elsewhere.
 */
package dev.waitwell.local;
