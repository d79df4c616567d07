package dev.waitwell.activities.notification;

/**
 * The provider answered and the message did not go out. {@code permanent}: it never will (a refused number);
 * otherwise a later attempt may succeed. Any other exception from a send leaves the outcome unknown.
 */
class DeliveryException extends RuntimeException {

    private final boolean permanent;
    private final Integer providerCode;

    DeliveryException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, cause, null);
    }

    /** @param providerCode the provider's own error code (Twilio's 21610...), or null */
    DeliveryException(String message, boolean permanent, Throwable cause, Integer providerCode) {
        super(message, cause);
        this.permanent = permanent;
        this.providerCode = providerCode;
    }

    Integer providerCode() {
        return providerCode;
    }

    boolean permanent() {
        return permanent;
    }
}
