package dev.waitwell.workflows.shared;

/**
 * The caps on every count of units and every amount of money, the same in the API's validation, the activities'
 * checks and the schema's CHECK constraints (V21). They keep every product of a quantity and a price, and every
 * sum of a product's counters, far inside {@code int} and {@code long}, so that no hostile or mistaken caller can
 * make an order, a receipt or a counter overflow (a workflow that meets an overflow fails its task for good).
 */
public final class Bounds {

    /**
     * The most units one order may hold, whatever {@code waitwell.policy.max-quantity} (default 1,000) says: its
     * ceiling.
     */
    public static final int MAX_ORDER_QUANTITY = 1_000_000;

    /** The most units one receipt or one purchase order may bring. */
    public static final int MAX_UNITS_PER_DELIVERY = 1_000_000;

    /**
     * The most units of one product held at once (on hand plus allocated), and the most ordered and not yet
     * allocated (pre-ordered plus backordered): each counter stays below it, and so does each pair's sum.
     */
    public static final int MAX_STOCK_UNITS = 10_000_000;

    /** The highest unit price, in minor units: 1,000,000.00 in a two-decimal currency. */
    public static final long MAX_UNIT_PRICE_MINOR = 100_000_000L;

    /** The highest total of one order, in minor units: 1,000,000,000.00 in a two-decimal currency. */
    public static final long MAX_ORDER_TOTAL_MINOR = 100_000_000_000L;

    private Bounds() {}
}
