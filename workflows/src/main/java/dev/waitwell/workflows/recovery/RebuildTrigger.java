package dev.waitwell.workflows.recovery;

/** Who asked for a rebuild; {@code order_rebuilds.trigger} holds the name. */
public enum RebuildTrigger {
    /** The worker's reconciler, which found the order's workflow missing. */
    RECONCILER,
    /** Support, through {@code POST /admin/v1/orders/{id}/recovery}. */
    SUPPORT
}
