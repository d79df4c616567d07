package dev.waitwell.api.audit;

import java.util.Objects;

/** One entry of the audit trail. {@code orderId}, {@code sku}, {@code reason} and {@code details} may be null. */
public record StaffAction(String username, String action, String orderId, String sku, String reason, String details) {

    public StaffAction {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
    }

    public static StaffAction onOrder(String username, String action, String orderId, String reason, String details) {
        return new StaffAction(username, action, orderId, null, reason, details);
    }

    public static StaffAction onProduct(String username, String action, String sku, String reason, String details) {
        return new StaffAction(username, action, null, sku, reason, details);
    }
}
