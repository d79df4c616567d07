/**
 * The order workflow: one durable workflow per order from checkout to shipment or cancellation, its
 * records, its status model and the activities that project its decisions into PostgreSQL.
 */
package dev.waitwell.workflows.order;
