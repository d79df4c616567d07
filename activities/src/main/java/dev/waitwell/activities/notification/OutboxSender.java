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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the messages orders queued ({@link MessageOutboxImpl}): one thread claims due rows in batches and up to
 * {@code senders} threads send them, each through the same delivery as the message activity ({@link
 * NotificationActivitiesImpl}: a row per channel claimed before it is sent, so no retry sends a message twice). A
 * message that cannot go out for now is tried again on the schedule the message activity is retried on (twelve
 * attempts in some forty minutes); after the last attempt the order's timeline says it could not be sent. Several
 * workers share the queue ({@code SKIP LOCKED}); an order's messages go out in the order it asked for them.
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
        senders = Executors.newFixedThreadPool(properties.senders(), daemons("message-sender-"));
        claimer = daemons("message-outbox-").newThread(this::claimWhileRunning);
        claimer.start();
    }

    private static CustomizableThreadFactory daemons(String namePrefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(namePrefix);
        threads.setDaemon(true);
        return threads;
    }

    /**
     * The claimer stops first (it gives back what it claimed and had not handed to a sender), then the messages being
     * sent finish; what is left stays queued for the next worker.
     */
    @Override
    public synchronized void stop() {
        running = false;
        wake();
        claimer.interrupt();
        try {
            claimer.join(TimeUnit.SECONDS.toMillis(10));
            senders.shutdown();
            if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
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
                claimed.forEach(this::dispatch);
                if (claimed.size() < wanted) {
                    awaitWakeOrPoll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // The database away, say: the loop must outlive it, or messages would wait for a restart.
                log.warn("Message outbox: could not claim messages, trying again: {}", e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** To a sender; given back when this sender is stopping. A slot is free: {@link #freeSlots} waited for one. */
    private void dispatch(Claimed message) {
        if (!running) {
            rows.unclaim(message);
            return;
        }
        slots.acquireUninterruptibly();
        try {
            senders.execute(() -> sendAndFreeSlot(message));
        } catch (RejectedExecutionException stopping) {
            slots.release();
            rows.unclaim(message);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            return false;
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
        rows.settled(message);
    }

    private void failed(Claimed message, Exception failure) {
        String reason = BusinessFailure.rootMessage(failure);
        if (message.attempts() >= RETRIES.getMaximumAttempts()) {
            transactions.executeWithoutResult(tx -> {
                rows.gaveUp(message, reason);
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
        rows.retryAfter(message, delay, reason);
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
