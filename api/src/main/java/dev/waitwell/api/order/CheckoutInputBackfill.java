package dev.waitwell.api.order;

import dev.waitwell.api.recovery.RecoverySweep;
import dev.waitwell.workflows.order.CheckoutInputs;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A rebuild starts from the order's checkout input ({@code orders.workflow_input}), which the API keeps when it
 * starts a workflow. Orders placed before it did have none: this sweep writes theirs, for open orders only (a
 * finished order is never rebuilt), as checkout would have built it. Their promise may have moved since, so the
 * input takes the promise from before the first move ({@link CheckoutPromises}). Writing only where none is kept
 * makes two API instances sweeping at once harmless.
 */
@Component
class CheckoutInputBackfill implements RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(CheckoutInputBackfill.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final CheckoutPromises promises;
    private final OrderInputs inputs;

    CheckoutInputBackfill(Orders orders, CheckoutPromises promises, OrderInputs inputs) {
        this.orders = orders;
        this.promises = promises;
        this.inputs = inputs;
    }

    @Override
    public String subject() {
        return "checkout inputs of open orders placed before they were kept";
    }

    @Override
    public int recover(Instant before) {
        return fillPlacedBefore(before);
    }

    /** @return how many inputs were written */
    int fillPlacedBefore(Instant placedBefore) {
        int filled = 0;
        Orders.Cursor after = Orders.Cursor.START;
        List<Orders.Placed> batch;
        do {
            batch = orders.withoutCheckoutInput(placedBefore, after, BATCH);
            for (Orders.Placed order : batch) {
                after = order.cursor();
                if (fill(order.orderId())) {
                    filled++;
                }
            }
        } while (batch.size() == BATCH);
        return filled;
    }

    /** One broken row is logged and skipped (it stays without an input, and is tried again next time). */
    private boolean fill(String orderId) {
        try {
            return orders.find(orderId)
                    .filter(order -> !order.finished())
                    .map(order -> {
                        String json = CheckoutInputs.toJson(inputs.of(promises.asPlaced(order)));
                        orders.keepCheckoutInput(orderId, json);
                        log.info("Order {}: checkout input kept by the recovery sweep", orderId);
                        return true;
                    })
                    .orElse(false);
        } catch (RuntimeException broken) {
            log.warn("Order {}: its checkout input could not be built: {}", orderId, broken.toString());
            return false;
        }
    }
}
