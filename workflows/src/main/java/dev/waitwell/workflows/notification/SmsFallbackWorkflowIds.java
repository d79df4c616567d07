package dev.waitwell.workflows.notification;

/** The one place SMS fallback workflow ids are made: {@code sms-fallback-{notificationId}}, the failed SMS's row. */
public final class SmsFallbackWorkflowIds {

    private SmsFallbackWorkflowIds() {}

    public static String of(long notificationId) {
        return "sms-fallback-" + notificationId;
    }
}
