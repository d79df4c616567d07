/**
 * Purchasing: the purchase orders placed with suppliers, the source of restock dates. Staff record them,
 * move their expected date when a supplier slips (with a reason, audited) and read how much of each is still
 * to come. Goods received against them are booked by the {@code inventory} feature.
 */
package dev.waitwell.api.purchasing;
