package dev.waitwell.activities.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.messages.outbox.*}: how the worker's sender works through the queued messages.
 *
 * @param enabled whether this process sends queued messages (every worker does; tests that share one database turn
 *     it off except where they watch it)
 * @param senders messages sent at once (each an SMTP conversation and a Twilio call)
 * @param batch messages claimed in one query
 * @param pollInterval how often an idle sender looks for messages other workers queued or that are due again (a
 *     message this worker queues wakes it at once)
 * @param hold how long a claimed message is held: a worker that dies while sending lets it go after this, and the next
 *     attempt finds the channel's row SENDING and does not risk a second message. As long as an attempt of the message
 *     activity could take (its start-to-close timeout): the mail server's and Twilio's timeouts keep a send well
 *     within it
 */
@ConfigurationProperties("waitwell.messages.outbox")
record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("16") int senders,
        @DefaultValue("32") int batch,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration hold) {

    OutboxProperties {
        if (senders < 1 || batch < 1) {
            throw new IllegalArgumentException("waitwell.messages.outbox.senders and .batch must be at least 1");
        }
    }
}
