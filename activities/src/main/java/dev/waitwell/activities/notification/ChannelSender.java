package dev.waitwell.activities.notification;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.NotificationRequest;

/** One way of reaching customers, split so rendering (no I/O) happens before a row is claimed. */
interface ChannelSender {

    Channel channel();

    /** How messages and the timeline name the channel: "email", "SMS". */
    String label();

    /** Null when the channel can send, else why it cannot ("email not configured"). */
    String notConfiguredReason();

    /**
     * Null when this address may be sent to, else why not ("opted out"): the message is then SKIPPED with that
     * detail.
     */
    default String refusalFor(String address) {
        return null;
    }

    /**
     * The provider refused the message for good; a channel may learn from it (an SMS refused because the number
     * opted out records the opt-out).
     *
     * @param notificationId the message's row
     */
    default void refused(String orderId, long notificationId, String address, DeliveryException refusal) {}

    /** The customer's address on this channel, or null. */
    String addressOf(Customer customer);

    Draft draft(NotificationRequest request, String recipient);

    /**
     * @return the provider's id for the message
     * @throws DeliveryException when the provider answered and the message did not go out
     */
    String send(Draft draft);
}
