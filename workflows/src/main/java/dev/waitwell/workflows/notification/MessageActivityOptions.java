package dev.waitwell.workflows.notification;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How every workflow that sends a customer a message calls the notification activities. */
public final class MessageActivityOptions {

    /**
     * Retried for about an hour, then the workflow records the failure and carries on: a mail server that is down
     * must not hold up a shipment, and a customer waiting for a link or a survey is better told late than twice.
     */
    public static final ActivityOptions RETRIED_FOR_AN_HOUR = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofMinutes(10))
                    .setMaximumAttempts(12)
                    .build())
            .build();

    private MessageActivityOptions() {}
}
