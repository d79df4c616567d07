package dev.waitwell.activities.inventory;

/** Where an order's units are, as stored in {@code order_stock.state}. */
enum StockState {
    /** A pre-order of a product not released yet; counted in {@code products.preordered}. */
    PREORDERED,
    /** In the allocation queue; what it still needs is counted in {@code products.backordered}. */
    WAITING,
    /** Every unit allocated, not shipped; counted in {@code products.allocated}. */
    ALLOCATED,
    SHIPPED,
    RETURNED
}
