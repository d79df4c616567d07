package dev.waitwell.workflows.order;

/** Why an order cannot ship today. Decided by the system at checkout, never by the caller. */
public enum OrderKind {
    /** The product is not released yet. */
    PREORDER,
    /** Out of stock, with a restock that covers the order within the product's maximum wait. */
    BACKORDER,
    /** Enough free stock at checkout: allocated at once. */
    IN_STOCK
}
