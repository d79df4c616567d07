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

    /** The customer's address on this channel, or null. */
    String addressOf(Customer customer);

    Draft draft(NotificationRequest request, String recipient);

    /**
     * @return the provider's id for the message
     * @throws DeliveryException when the provider answered and the message did not go out
     */
    String send(Draft draft);
}
