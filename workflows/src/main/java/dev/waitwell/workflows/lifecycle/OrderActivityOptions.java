package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.notification.MessageActivityOptions;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries of the activities every step of an order calls. Technical errors are retried with backoff;
 * business outcomes named here are not.
 */
public final class OrderActivityOptions {

    /** Database writes, payments and stock: retried until they succeed, so money and stock never stop half-way. */
    public static final ActivityOptions DURABLE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .setDoNotRetry(BusinessFailure.types(
                            BusinessFailure.PAYMENT_DECLINED,
                            BusinessFailure.PAYMENT_METHOD_UNKNOWN,
                            BusinessFailure.PAYMENT_ACTION_REQUIRED))
                    .build())
            .build();

    /**
     * Database steps run as local activities ({@link DatabaseSteps}): retried as {@link #DURABLE} ones are, the
     * first minute's attempts inside the workflow task, later ones after a timer.
     */
    public static final LocalActivityOptions LOCAL_DATABASE = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(DURABLE.getRetryOptions())
            .build();

    /**
     * Checkout's charge as a local activity in runs from {@code local-charge-while-customer-waits} to before
     * {@code launch-day-shape}: retried as {@link #DURABLE} ones are, the declines and the bank's questions not at all;
     * a processor slower than the workflow task's timeout keeps the task alive, as the SDK does for every local
     * activity.
     */
    public static final LocalActivityOptions LOCAL_PAYMENT = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(DURABLE.getRetryOptions())
            .build();

    /**
     * Every charge from {@code launch-day-shape} on, as a local activity for its first minute at most: retried as
     * {@link #DURABLE} ones are inside that minute. A processor that has not answered by then is not waited for inside
     * workflow tasks (each would hold a worker's workflow-task slot, and each retry after the first minute writes a
     * marker and a timer): the charge goes on as a {@link #DURABLE} activity under the same idempotency key.
     */
    public static final LocalActivityOptions LOCAL_CHARGE_FIRST_MINUTE = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(DURABLE.getRetryOptions())
            .build();

    /**
     * Messages: retried for about an hour, then the workflow records the failure and carries on. A mail
     * server that is down must not hold up a shipment.
     */
    public static final ActivityOptions MESSAGING = MessageActivityOptions.RETRIED_FOR_AN_HOUR;

    private OrderActivityOptions() {}
}
