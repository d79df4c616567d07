package dev.waitwell.activities.inventory;

/**
 * Types of the non-retryable {@code ApplicationFailure}s of stock activities. The receipt workflow names
 * the same strings as not to be retried, and the API maps a message's leading type to a status.
 */
public final class StockFailures {

    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String PURCHASE_ORDER_NOT_FOUND = "PURCHASE_ORDER_NOT_FOUND";
    public static final String RECEIPT_EXCEEDS_PURCHASE_ORDER = "RECEIPT_EXCEEDS_PURCHASE_ORDER";
    public static final String RECEIPT_CONFLICT = "RECEIPT_CONFLICT";
    /** A switch's alternative has not the units free (on hand and not owed to its own queue). */
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** The order cannot switch: it holds another product, has shipped or was cancelled, or the request is wrong. */
    public static final String SWITCH_NOT_POSSIBLE = "SWITCH_NOT_POSSIBLE";

    private StockFailures() {
    }
}
