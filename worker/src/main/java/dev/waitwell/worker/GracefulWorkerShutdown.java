package dev.waitwell.worker;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops polling first and lets the tasks in hand finish before the data source and mail sender go away.
 *
 * <p>The starter only calls {@link WorkerFactory#shutdown()} when its bean is destroyed, which does not
 * wait: an activity could lose its database halfway through. Anything still running after the grace
 * period is abandoned; Temporal retries it on another worker once its timeout expires.
 */
@Component
class GracefulWorkerShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulWorkerShutdown.class);

    private final WorkerFactory workerFactory;
    private final Duration gracePeriod;
    private volatile boolean running;

    GracefulWorkerShutdown(WorkerFactory workerFactory, WorkerProperties properties) {
        this.workerFactory = workerFactory;
        this.gracePeriod = properties.shutdownGracePeriod();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!workerFactory.isStarted() || workerFactory.isShutdown()) {
            return;
        }
        log.info("Stopping Temporal workers, waiting up to {} for tasks in progress", gracePeriod);
        workerFactory.shutdown();
        workerFactory.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
        if (!workerFactory.isTerminated()) {
            log.warn("Temporal workers still busy after {}; their tasks will be retried", gracePeriod);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, in particular before the web of beans the activities use. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
