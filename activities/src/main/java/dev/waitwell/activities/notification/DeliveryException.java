package dev.waitwell.activities.notification;

/**
 * The provider answered and the message did not go out. {@code permanent}: it never will (a refused number);
 * otherwise a later attempt may succeed. Any other exception from a send leaves the outcome unknown.
 */
class DeliveryException extends RuntimeException {

    private final boolean permanent;

    DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
