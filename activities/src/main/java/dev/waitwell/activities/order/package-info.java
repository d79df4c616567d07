/**
 * The order's read model for the API: status, timeline, payment method, shipment and fulfilment request,
 * each write idempotent by its event key or by a unique row.
 */
package dev.waitwell.activities.order;
