package dev.waitwell.workflows.notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Queues a customer's message in PostgreSQL for the worker's message sender, which sends it on every channel the
 * customer chose, retries it for some forty minutes and records what became of it on the order's timeline. An order
 * asks for its messages this way from {@code launch-day-shape} version 2 on, as a local activity: the order goes
 * on at once, and no message costs it an activity task and a workflow task of its own. Queued once per order and
 * key, whatever the retries; the sender sends once per key and channel.
 */
@ActivityInterface
public interface MessageOutbox {

    @ActivityMethod(name = "QueueMessage")
    void queue(NotificationRequest request);
}
