package dev.waitwell.activities.inventory;

import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an order's units from the product it waits for to an in-stock alternative. Both product rows are
 * locked in sku order (two opposite switches cannot deadlock), then the order's row. The old product's units
 * go back on hand and at once to the head of its queue, so no unit stays on hand while an order waits.
 */
@Component
public class ItemSwitch {

    private static final Logger log = LoggerFactory.getLogger(ItemSwitch.class);

    private final JdbcClient jdbc;
    private final StockAllocator allocator;

    ItemSwitch(JdbcClient jdbc, StockAllocator allocator) {
        this.jdbc = jdbc;
        this.allocator = allocator;
    }

    /**
     * What a switch did.
     *
     * @param switchedNow false when the order held the alternative already (a retry)
     * @param reallocation the old product's units handed to its queue, or null
     */
    public record Outcome(boolean switchedNow, AllocationBatch reallocation) {}

    /**
     * Runs in the caller's transaction. Non-retryable {@code OUT_OF_STOCK} when the alternative has fewer than
     * {@code quantity} units free, {@code SWITCH_NOT_POSSIBLE} when the order is not waiting on {@code fromSku};
     * either way nothing changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome move(String orderId, String fromSku, String toSku, int quantity) {
        if (fromSku.equals(toSku)) {
            throw notPossible("order " + orderId + " cannot switch from " + fromSku + " to itself");
        }
        int toOnHand = lockInSkuOrder(fromSku, toSku);
        Held held = lockOrder(orderId);
        if (held.sku().equals(toSku) && (held.state() == StockState.ALLOCATED || held.state() == StockState.SHIPPED)) {
            return new Outcome(
                    false,
                    allocator.batchOf(BatchSource.RETURN, switchRef(orderId)).orElse(null));
        }
        if (!held.sku().equals(fromSku) || held.state() == StockState.SHIPPED || held.state() == StockState.RETURNED) {
            throw notPossible(
                    "order " + orderId + " holds " + held.sku() + " (" + held.state() + "), not waiting on " + fromSku);
        }
        if (held.quantity() != quantity) {
            throw notPossible("order " + orderId + " holds " + held.quantity() + " units, not " + quantity);
        }
        int free = toOnHand - waitingNeed(toSku);
        if (free < quantity) {
            throw BusinessFailure.OUT_OF_STOCK.raise(
                    toSku + " has " + Math.max(free, 0) + " units free, " + quantity + " needed");
        }
        giveBack(held);
        take(orderId, toSku, quantity);
        AllocationBatch reallocation = allocator.allocate(
                fromSku,
                BatchSource.RETURN,
                switchRef(orderId),
                "units order " + orderId + " gave back when it switched");
        log.info(
                "Order {}: switched {} x {} ({}, {} allocated) to {}",
                orderId,
                quantity,
                fromSku,
                held.state(),
                held.allocated(),
                toSku);
        return new Outcome(true, reallocation);
    }

    /** A cancellation's batch uses the bare order id: the switch's batch must not take its name. */
    private static String switchRef(String orderId) {
        return orderId + "/switch";
    }

    /** @return the units on hand of {@code toSku} */
    private int lockInSkuOrder(String fromSku, String toSku) {
        int toOnHand = 0;
        for (String sku : new TreeSet<>(List.of(fromSku, toSku))) {
            StockAllocator.LockedProduct product = allocator.lockProduct(sku);
            if (sku.equals(toSku)) {
                toOnHand = product.onHand();
            }
        }
        return toOnHand;
    }

    private Held lockOrder(String orderId) {
        return jdbc.sql("SELECT sku, state, quantity, allocated FROM order_stock WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId)
                .query((rs, n) -> new Held(
                        orderId,
                        rs.getString("sku"),
                        StockState.valueOf(rs.getString("state")),
                        rs.getInt("quantity"),
                        rs.getInt("allocated")))
                .optional()
                .orElseThrow(() -> notPossible("order " + orderId + " has no stock reserved"));
    }

    /** Units the alternative's own queue waits for: on hand they would be theirs first. */
    private int waitingNeed(String sku) {
        return jdbc.sql("""
                        SELECT coalesce(sum(quantity - allocated), 0)::integer FROM order_stock
                         WHERE sku = :sku AND state = 'WAITING'""").param("sku", sku).query(Integer.class).single();
    }

    private void giveBack(Held held) {
        String counters = switch (held.state()) {
            case PREORDERED -> "preordered = preordered - :q";
            case WAITING -> "backordered = backordered - (:q - :a), allocated = allocated - :a, on_hand = on_hand + :a";
            default -> "allocated = allocated - :q, on_hand = on_hand + :q";
        };
        jdbc.sql("UPDATE products SET " + counters + ", updated_at = now() WHERE sku = :sku")
                .param("q", held.quantity())
                .param("a", held.allocated())
                .param("sku", held.sku())
                .update();
    }

    private void take(String orderId, String toSku, int quantity) {
        jdbc.sql("""
                        UPDATE order_stock SET sku = :sku, state = 'ALLOCATED', allocated = quantity, returned = 0,
                                               updated_at = now()
                         WHERE order_id = :orderId""").param("sku", toSku).param("orderId", orderId).update();
        jdbc.sql("""
                        UPDATE products SET on_hand = on_hand - :q, allocated = allocated + :q, updated_at = now()
                         WHERE sku = :sku""").param("q", quantity).param("sku", toSku).update();
    }

    private static ApplicationFailure notPossible(String message) {
        return BusinessFailure.SWITCH_NOT_POSSIBLE.raise(message);
    }

    private record Held(String orderId, String sku, StockState state, int quantity, int allocated) {}
}
