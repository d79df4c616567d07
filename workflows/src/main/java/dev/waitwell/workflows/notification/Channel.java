package dev.waitwell.workflows.notification;

/** A way of reaching a customer. */
public enum Channel {
    EMAIL,
    SMS
}
