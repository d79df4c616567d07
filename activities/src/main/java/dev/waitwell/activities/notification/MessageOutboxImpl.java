package dev.waitwell.activities.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waitwell.workflows.notification.MessageOutbox;
import dev.waitwell.workflows.notification.NotificationRequest;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import org.springframework.stereotype.Component;

/**
 * Queues an order's message (a local activity of the order's workflow task) and wakes this worker's sender: the
 * message usually goes out within milliseconds, the order having gone on already.
 */
@Component("messageOutbox")
class MessageOutboxImpl implements MessageOutbox {

    /** The request as Temporal would carry it to an activity, so what the order asked for reads back the same. */
    static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

    private final OutboxRows rows;
    private final OutboxSender sender;

    MessageOutboxImpl(OutboxRows rows, OutboxSender sender) {
        this.rows = rows;
        this.sender = sender;
    }

    @Override
    public void queue(NotificationRequest request) {
        if (rows.queue(request.orderId(), request.key(), request.milestone().name(), json(request))) {
            sender.wake();
        }
    }

    private static String json(NotificationRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message " + request.key() + " cannot be written as JSON", e);
        }
    }
}
