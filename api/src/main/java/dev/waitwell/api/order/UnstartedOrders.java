package dev.waitwell.api.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checkout commits the order, then starts its workflow. If the API stops in between, or Temporal refuses the
 * start, and the shop's checkout never repeats the request, the order would wait forever without a workflow:
 * this sweep starts the workflows of orders whose start was not seen within a grace period. Starting is
 * idempotent (the workflow id is the order's, a running one is used, a finished one is never started again),
 * so two API instances sweeping at once do no harm.
 */
@Component
class UnstartedOrders {

    private static final Logger log = LoggerFactory.getLogger(UnstartedOrders.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final OrderWorkflows workflows;
    private final Clock clock;
    private final Duration grace;

    UnstartedOrders(Orders orders, OrderWorkflows workflows, Clock clock,
            @Value("${waitwell.recovery.start-grace:PT1M}") Duration grace) {
        this.orders = orders;
        this.workflows = workflows;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${waitwell.recovery.interval:PT1M}",
            initialDelayString = "${waitwell.recovery.interval:PT1M}")
    void sweep() {
        try {
            int started = startPlacedBefore(clock.instant().minus(grace));
            if (started > 0) {
                log.warn("Started the workflows of {} order(s) whose checkout had not started them", started);
            }
        } catch (RuntimeException unavailable) {
            // Temporal or the database is down: the next sweep tries again.
            log.warn("Could not start the workflows of unstarted orders: {}", unavailable.toString());
        }
    }

    /** Starts the workflows of orders placed before {@code placedBefore} whose start was never seen. */
    int startPlacedBefore(Instant placedBefore) {
        List<String> unstarted = orders.withoutWorkflow(placedBefore, BATCH);
        for (String orderId : unstarted) {
            orders.find(orderId).ifPresent(order -> {
                workflows.start(order);
                orders.markWorkflowStarted(orderId);
                log.info("Order {}: workflow started by the recovery sweep", orderId);
            });
        }
        return unstarted.size();
    }
}
