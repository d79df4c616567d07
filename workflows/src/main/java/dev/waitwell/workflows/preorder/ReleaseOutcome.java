package dev.waitwell.workflows.preorder;

/** How many open pre-orders were told of the release, and how many had finished already. */
public record ReleaseOutcome(String sku, int ordersSignalled, int ordersAlreadyClosed) {}
