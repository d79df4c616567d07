package dev.waitwell.api.shared;

/**
 * The stable codes of the API's problem details. Their type URI is {@link #typeOf}. The status and code of a
 * business failure (reported by a workflow or found by the API first) come from {@link BusinessProblems}.
 */
public final class ProblemCodes {

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String PRODUCT_ALREADY_RELEASED = "PRODUCT_ALREADY_RELEASED";
    public static final String PREORDER_CAP_BELOW_PREORDERED = "PREORDER_CAP_BELOW_PREORDERED";
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String PREORDER_CAP_REACHED = "PREORDER_CAP_REACHED";
    public static final String ORDER_ID_CONFLICT = "ORDER_ID_CONFLICT";
    public static final String PAYMENT_METHOD_UNKNOWN = "PAYMENT_METHOD_UNKNOWN";
    public static final String ORDER_STATE_CONFLICT = "ORDER_STATE_CONFLICT";
    public static final String WORKFLOW_UNAVAILABLE = "WORKFLOW_UNAVAILABLE";
    /** The order is open but Temporal has no running workflow for it: it is being rebuilt, retry shortly. */
    public static final String WORKFLOW_REBUILDING = "WORKFLOW_REBUILDING";
    /** A rebuild was asked for an order whose workflow runs: nothing to rebuild. */
    public static final String WORKFLOW_RUNNING = "WORKFLOW_RUNNING";
    /** A rebuild was asked for a SHIPPED or CANCELLED order, which never runs again. */
    public static final String ORDER_FINISHED = "ORDER_FINISHED";
    /** The customer's link cannot be sent again: they chose no channel we have an address for. */
    public static final String NO_CUSTOMER_CHANNEL = "NO_CUSTOMER_CHANNEL";
    /** The customer's link cannot be sent again: it has expired. */
    public static final String LINK_EXPIRED = "LINK_EXPIRED";
    /** The customer answered a survey that was never sent for the order. */
    public static final String SURVEY_NOT_SENT = "SURVEY_NOT_SENT";

    public static final String BACKORDERS_NOT_ALLOWED = "BACKORDERS_NOT_ALLOWED";
    public static final String NO_RESTOCK_IN_SIGHT = "NO_RESTOCK_IN_SIGHT";
    public static final String RESTOCK_TOO_LATE = "RESTOCK_TOO_LATE";
    public static final String BACKORDER_LIMIT_REACHED = "BACKORDER_LIMIT_REACHED";
    public static final String PAYMENT_PLAN_NOT_OFFERED = "PAYMENT_PLAN_NOT_OFFERED";
    public static final String PURCHASE_ORDER_NOT_FOUND = "PURCHASE_ORDER_NOT_FOUND";
    public static final String RECEIPT_NOT_FOUND = "RECEIPT_NOT_FOUND";
    public static final String PURCHASE_ORDER_ID_CONFLICT = "PURCHASE_ORDER_ID_CONFLICT";
    public static final String RECEIPT_EXCEEDS_PURCHASE_ORDER = "RECEIPT_EXCEEDS_PURCHASE_ORDER";
    public static final String RECEIPT_CONFLICT = "RECEIPT_CONFLICT";
    public static final String DECISION_NOT_OPEN = "DECISION_NOT_OPEN";
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    /** A request that changes something came without a JSON body or an X-Requested-By header: maybe a forged form. */
    public static final String CROSS_SITE_REQUEST_REFUSED = "CROSS_SITE_REQUEST_REFUSED";
    /** A request body over its limit, refused before it is read. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** Goods in or an order would take a product's counters past {@code Bounds.MAX_STOCK_UNITS}. */
    public static final String STOCK_LIMIT_EXCEEDED = "STOCK_LIMIT_EXCEEDED";
    /** A database constraint refused the change: nothing was written. */
    public static final String DATA_CONFLICT = "DATA_CONFLICT";

    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String ALTERNATIVE_NOT_AVAILABLE = "ALTERNATIVE_NOT_AVAILABLE";
    public static final String LINK_INVALID = "LINK_INVALID";
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String PAYMENT_ACTION_REQUIRED = "PAYMENT_ACTION_REQUIRED";
    public static final String NOTIFICATION_NOT_FOUND = "NOTIFICATION_NOT_FOUND";

    private static final String TYPE_BASE = "https://waitwell.dev/problems/";

    private ProblemCodes() {}

    public static String typeOf(String code) {
        return TYPE_BASE + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
