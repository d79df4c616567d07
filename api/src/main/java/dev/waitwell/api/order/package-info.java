/**
 * Orders as staff see and change them, and what every audience of an order shares. Staff's side: an order's
 * whole story (payments, refunds, allocations, delay decisions, promise history, the audit trail), support's
 * order list (from PostgreSQL), the actions (shipment, cancellation, payment retry as workflow updates; the queue
 * priority in the database) and delay decisions on the customer's behalf. Shared with checkout and the customer
 * page: the order tables ({@code Orders}), the order read brought up to date with the workflow's live state
 * ({@code OrderQueries}), the API's side of the order workflow ({@code OrderWorkflows}), the signed customer
 * links, the order in every log line, and the sweep that starts the workflows checkout could not.
 */
package dev.waitwell.api.order;
