package dev.waitwell.activities.notification;

import dev.waitwell.activities.notification.OutboxRows.Claimed;
import dev.waitwell.activities.order.Timeline;
import dev.waitwell.workflows.notification.MessageActivityOptions;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the messages orders queued ({@link MessageOutboxImpl}): one thread claims due rows in batches and up to
 * {@code senders} threads send them, each through the same delivery as the message activity ({@link
 * NotificationActivitiesImpl}: a row per channel claimed before it is sent, so no retry sends a message twice). A
 * message that cannot go out for now is tried again on the schedule the message activity is retried on (twelve
 * attempts in some forty minutes); after the last attempt the order's timeline says it could not be sent. Several workers share the queue
 * ({@code SKIP LOCKED}); an order's messages go out in the order it asked for them.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final RetryOptions RETRIES = MessageActivityOptions.RETRIED_FOR_AN_HOUR.getRetryOptions();

    private final OutboxRows rows;
    private final NotificationActivities notifications;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Semaphore slots;
    private final Object wakeups = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread claimer;
    private ExecutorService senders;

    OutboxSender(
            OutboxRows rows,
            NotificationActivities notifications,
            Timeline timeline,
            TransactionTemplate transactions,
            OutboxProperties properties) {
        this.rows = rows;
        this.notifications = notifications;
        this.timeline = timeline;
        this.transactions = transactions;
        this.properties = properties;
        this.slots = new Semaphore(properties.senders());
    }

    /** A message was queued, or one settled and its order's next may go: look now rather than at the next poll. */
    void wake() {
        synchronized (wakeups) {
            woken = true;
            wakeups.notifyAll();
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public synchronized void start() {
        running = true;
        AtomicInteger threads = new AtomicInteger();
        senders = Executors.newFixedThreadPool(
                properties.senders(), task -> daemon(task, "message-sender-" + threads.incrementAndGet()));
        claimer = daemon(this::claimWhileRunning, "message-outbox");
        claimer.start();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public synchronized void stop() {
        running = false;
        claimer.interrupt();
        senders.shutdown();
        try {
            // Messages being sent finish; the rest stay queued for the next worker.
            if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            claimer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void claimWhileRunning() {
        while (running) {
            try {
                int wanted = Math.min(freeSlots(), properties.batch());
                List<Claimed> claimed = rows.claim(wanted, properties.hold());
                for (Claimed message : claimed) {
                    slots.acquire();
                    senders.execute(() -> sendAndFreeSlot(message));
                }
                if (claimed.size() < wanted) {
                    awaitWakeOrPoll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Message outbox: could not claim messages, trying again: {}", e.getMessage());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Waits until a sender is free; then how many are. */
    private int freeSlots() throws InterruptedException {
        slots.acquire();
        int free = slots.availablePermits() + 1;
        slots.release();
        return free;
    }

    private void awaitWakeOrPoll() throws InterruptedException {
        synchronized (wakeups) {
            if (!woken) {
                wakeups.wait(properties.pollInterval().toMillis());
            }
            woken = false;
        }
    }

    private void sendAndFreeSlot(Claimed message) {
        try {
            send(message);
        } catch (RuntimeException e) {
            log.error("Order {}: {} left queued after an unexpected failure", message.orderId(), message.key(), e);
        } finally {
            slots.release();
            wake();
        }
    }

    private void send(Claimed message) {
        try {
            NotificationRequest request =
                    MessageOutboxImpl.JSON.readValue(message.request(), NotificationRequest.class);
            notifications.notify(request);
        } catch (Exception e) {
            failed(message, e);
            return;
        }
        rows.sent(message.id());
    }

    private void failed(Claimed message, Exception failure) {
        String reason = BusinessFailure.rootMessage(failure);
        if (message.attempts() >= RETRIES.getMaximumAttempts()) {
            transactions.executeWithoutResult(tx -> {
                rows.gaveUp(message.id(), reason);
                timeline.append(
                        message.orderId(),
                        "message-not-sent:" + message.key(),
                        "NOTIFICATION_FAILED",
                        message.milestone() + " could not be sent: " + reason);
            });
            log.warn(
                    "Order {}: {} not sent after {} attempts, given up: {}",
                    message.orderId(),
                    message.key(),
                    message.attempts(),
                    reason);
            return;
        }
        Duration delay = retryDelay(message.attempts());
        rows.retryAfter(message.id(), delay, reason);
        log.warn(
                "Order {}: {} not sent (attempt {}), trying again in {}: {}",
                message.orderId(),
                message.key(),
                message.attempts(),
                delay,
                reason);
    }

    /** After the n-th attempt: the message activity's backoff (2 s, doubling, at most 10 minutes). */
    static Duration retryDelay(int attempts) {
        double millis =
                RETRIES.getInitialInterval().toMillis() * Math.pow(RETRIES.getBackoffCoefficient(), attempts - 1);
        return Duration.ofMillis(
                (long) Math.min(millis, RETRIES.getMaximumInterval().toMillis()));
    }
}
