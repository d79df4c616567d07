/**
 * What every step of an order workflow shares: the run's state ({@link dev.waitwell.workflows.lifecycle.OrderRun}:
 * status, item, promise, money so far, cancellation, the wait in progress), the timeline and messages it writes,
 * the phases a waiting order continues as new in, and the order's status model. The steps (payment, delay,
 * inventory) and the order workflow build on it; it knows none of them.
 */
package dev.waitwell.workflows.lifecycle;
