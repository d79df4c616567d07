package dev.waitwell.workflows.order;

/** Why an order cannot ship today. Decided by the system at checkout, never by the caller. */
public enum OrderKind {
    /** The product is not released yet. */
    PREORDER
}
