/**
 * The order workflow: one durable workflow per order from checkout to shipment or cancellation. Its contract
 * (signals, updates, query, input and state), the script of four phases, the rules its updates are accepted by,
 * and what one run hands to the next when it continues as new. The steps it runs live in their features.
 */
package dev.waitwell.workflows.order;
