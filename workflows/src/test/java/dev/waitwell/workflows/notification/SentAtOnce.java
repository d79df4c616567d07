package dev.waitwell.workflows.notification;

/**
 * The message queue and the worker's sender in one, for workflow tests: a queued message is handed at once to the
 * test's {@link NotificationActivities}, so a test sees the messages of new runs (which queue them) where it sees
 * those of older runs (which send them by an activity). The real queue and sender are tested against PostgreSQL
 * and a mail server in the activities module.
 */
public final class SentAtOnce implements MessageOutbox {

    private final NotificationActivities notifications;

    public SentAtOnce(NotificationActivities notifications) {
        this.notifications = notifications;
    }

    @Override
    public void queue(NotificationRequest request) {
        notifications.notify(request);
    }
}
