package dev.waitwell.worker;

import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code temporalWorkers} health component: UP while this process polls the orders task queue. DOWN before
 * the workers start (they start once the application is ready, after the migrations) and from the moment a
 * shutdown begins, so that the readiness probe tells whether this process takes tasks.
 */
@Component
class TemporalWorkersHealthIndicator implements HealthIndicator {

    private final WorkerFactory workers;

    TemporalWorkersHealthIndicator(WorkerFactory workers) {
        this.workers = workers;
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("taskQueue", TaskQueues.ORDERS);
        if (!workers.isStarted()) {
            return health.down().withDetail("state", "not started").build();
        }
        if (workers.isShutdown()) {
            return health.down().withDetail("state", "shutting down").build();
        }
        Worker orders = workers.getWorker(TaskQueues.ORDERS);
        if (orders == null || orders.isSuspended()) {
            return health.down()
                    .withDetail("state", orders == null ? "no worker" : "polling suspended")
                    .build();
        }
        return health.up().withDetail("state", "polling").build();
    }
}
