package dev.waitwell.api.order;

import dev.waitwell.api.recovery.RecoverySweep;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checkout commits the order, then starts its workflow. If the API stops in between, or Temporal refuses the
 * start, and the shop's checkout never repeats the request, the order would wait forever without a workflow:
 * this sweep starts the workflows of orders whose start was not seen within a grace period. Starting is
 * idempotent (the workflow id is the order's, a running one is used, a finished one is never started again),
 * so two API instances sweeping at once do no harm.
 */
@Component
class UnstartedOrders implements RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(UnstartedOrders.class);
    private static final int BATCH = 100;
    private static final int GIVE_UP_AFTER = 5;

    private final Orders orders;
    private final OrderWorkflows workflows;

    UnstartedOrders(Orders orders, OrderWorkflows workflows) {
        this.orders = orders;
        this.workflows = workflows;
    }

    @Override
    public String subject() {
        return "workflows of orders whose checkout had not started them";
    }

    @Override
    public int recover(Instant before) {
        return startPlacedBefore(before);
    }

    /**
     * Starts the workflows of orders placed before {@code placedBefore} whose start was never seen, all of them,
     * in batches. One order that cannot be started (logged) does not hold up the others; several failing in a row
     * mean Temporal is away, and the next sweep tries again.
     *
     * @return how many were started
     */
    int startPlacedBefore(Instant placedBefore) {
        int started = 0;
        int failedInARow = 0;
        Orders.Cursor after = Orders.Cursor.START;
        List<Orders.Placed> batch;
        do {
            batch = orders.withoutWorkflow(placedBefore, after, BATCH);
            for (Orders.Placed unstarted : batch) {
                after = unstarted.cursor();
                if (start(unstarted.orderId())) {
                    started++;
                    failedInARow = 0;
                } else if (++failedInARow >= GIVE_UP_AFTER) {
                    return started;
                }
            }
        } while (batch.size() == BATCH);
        return started;
    }

    private boolean start(String orderId) {
        try {
            orders.find(orderId).ifPresent(order -> {
                workflows.start(order);
                orders.markWorkflowStarted(orderId);
                log.info("Order {}: workflow started by the recovery sweep", orderId);
            });
            return true;
        } catch (RuntimeException failed) {
            log.warn("Order {}: the recovery sweep could not start its workflow: {}", orderId, failed.toString());
            return false;
        }
    }
}
