package dev.waitwell.workflows.notification;

/** What became of one message on one channel. */
public enum DeliveryStatus {
    /** Handed to the SMTP server or to Twilio. */
    SENT,
    /** Not sent, on purpose: the channel is not configured or the customer did not choose it. */
    SKIPPED,
    /** The provider refused it for good. */
    FAILED
}
