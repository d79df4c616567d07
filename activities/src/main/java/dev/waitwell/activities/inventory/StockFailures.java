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

    private StockFailures() {
    }
}
