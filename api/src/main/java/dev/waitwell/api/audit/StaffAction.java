package dev.waitwell.api.audit;

import java.util.Objects;

/**
 * One entry of the audit trail. {@code orderId}, {@code sku}, {@code reason}, {@code details} and
 * {@code clientAddress} may be null.
 *
 * @param clientAddress where a customer's action came from (the request's client address); null for staff, whose
 *     user names them
 */
public record StaffAction(
        String username,
        String action,
        String orderId,
        String sku,
        String reason,
        String details,
        String clientAddress) {

    /** The user the audit trail names for actions taken with a customer's signed link. */
    public static final String CUSTOMER = "customer";

    public StaffAction {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
    }

    /** A staff member's action. */
    public StaffAction(String username, String action, String orderId, String sku, String reason, String details) {
        this(username, action, orderId, sku, reason, details, null);
    }

    public static StaffAction onOrder(String username, String action, String orderId, String reason, String details) {
        return new StaffAction(username, action, orderId, null, reason, details);
    }

    public static StaffAction onProduct(String username, String action, String sku, String reason, String details) {
        return new StaffAction(username, action, null, sku, reason, details);
    }

    /** What the holder of the order's signed link did, as the customer, from {@code clientAddress}. */
    public static StaffAction byCustomer(String action, String orderId, String details, String clientAddress) {
        return new StaffAction(CUSTOMER, action, orderId, null, null, details, clientAddress);
    }
}
