package dev.waitwell.api.checkout;

import dev.waitwell.workflows.backorder.IncomingSupply;
import dev.waitwell.workflows.order.OrderKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock side of checkout: the product row, locked for the whole checkout transaction so that no receipt,
 * release or other checkout changes the counters between the decision and its writes, and the queue and
 * supply the promise is computed from.
 */
@Component
class CheckoutStock {

    private final JdbcClient jdbc;

    CheckoutStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CheckoutProduct> lock(String sku) {
        return jdbc.sql("""
                SELECT sku, name, price_minor, currency, release_date, released_at, deposit_percent, preorder_cap,
                       preordered, on_hand, backordered, backorders_allowed, backorder_max_wait_days,
                       backorder_max_quantity, restock_eta
                  FROM products WHERE sku = ? FOR UPDATE""").param(sku).query(CheckoutProduct.class).optional();
    }

    /** Whether any order of the product waits in the allocation queue. */
    boolean anyWaiting(String sku) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM order_stock WHERE sku = ? AND state = 'WAITING')")
                .param(sku)
                .query(Boolean.class)
                .single();
    }

    /** Units still to allocate to waiting orders that a new order (priority 0, placed now) queues behind. */
    long unitsAhead(String sku) {
        return jdbc.sql("""
                SELECT coalesce(sum(s.quantity - s.allocated), 0)
                  FROM order_stock s JOIN orders o ON o.order_id = s.order_id
                 WHERE s.sku = ? AND s.state = 'WAITING' AND o.priority >= 0""").param(sku).query(Long.class).single();
    }

    /** Purchase orders of the product with units still to come. */
    List<IncomingSupply> incoming(String sku) {
        return jdbc.sql("""
                SELECT id, expected_date, quantity - received AS open_quantity
                  FROM purchase_orders WHERE sku = ? AND received < quantity""")
                .param(sku)
                .query((rs, row) -> new IncomingSupply(
                        rs.getString("id"), rs.getObject("expected_date", LocalDate.class), rs.getInt("open_quantity")))
                .list();
    }

    /** Applies the decision to the product's counters (the row is locked by {@link #lock}). */
    void take(String sku, int quantity, CheckoutDecision decision) {
        int preordered = decision.kind() == OrderKind.PREORDER ? quantity : 0;
        jdbc.sql("""
                UPDATE products
                   SET on_hand = on_hand - :taken, allocated = allocated + :taken,
                       backordered = backordered + :waiting, preordered = preordered + :preordered,
                       updated_at = now()
                 WHERE sku = :sku""")
                .param("taken", decision.allocatedNow())
                .param("waiting", decision.waitingUnits())
                .param("preordered", preordered)
                .param("sku", sku)
                .update();
    }
}
