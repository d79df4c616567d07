/**
 * When dates slip: the promise reviews the API starts after anything that can move a waiting order's
 * promise (a purchase order's date, the restock ETA, the release date, a receipt), each once per cause and
 * only after the change is committed; and an order's delay history for staff, how its promise moved and how
 * each delay was decided, read from what the reviews and the order's workflow recorded. The customer's and
 * support's decisions themselves live with the other order actions in {@code order}.
 */
package dev.waitwell.api.delay;
