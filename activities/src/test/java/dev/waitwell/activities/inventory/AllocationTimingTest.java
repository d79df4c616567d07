package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** One receipt covering a long queue: one statement allocates it. Prints the time, asserts only the result. */
class AllocationTimingTest extends DatabaseTest {

    private static final int WAITING_ORDERS = 10_000;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Test
    void oneReceiptAllocatesTenThousandWaitingOrdersInOneTransaction() {
        String sku = fixture.stockedProduct(0);
        waitingOrders(sku);

        long started = System.nanoTime();
        ReceiptOutcome outcome = stock.receive(new StockReceipt(sku, WAITING_ORDERS, "GRN-BULK", null, "bench"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf(
                "Allocated %d waiting orders from one receipt in %d ms (%.0f orders/s)%n",
                outcome.allocation().ordersAllocated(), millis, WAITING_ORDERS * 1000.0 / Math.max(1, millis));
        assertThat(outcome.allocation().ordersAllocated()).isEqualTo(WAITING_ORDERS);
        assertThat(jdbc.sql("SELECT count(*) FROM order_stock WHERE sku = ? AND state = 'ALLOCATED'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(WAITING_ORDERS);
        assertThat(jdbc.sql("SELECT count(*) FROM order_events e JOIN orders o ON o.order_id = e.order_id "
                                + "WHERE o.sku = ? AND e.type = 'ALLOCATED'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(WAITING_ORDERS);
    }

    /** Backorders of one unit each, as checkout writes them, inserted in bulk. */
    private void waitingOrders(String sku) {
        jdbc.sql("""
                        INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan,
                                            payment_method, currency, unit_price_minor, total_minor,
                                            first_payment_minor, customer_id, link_expires_at, placed_at)
                        SELECT :sku || '-' || g, 'hash', 'BACKORDER', 'AWAITING_STOCK', :sku, 1, 'FULL',
                               'pm_card_visa', 'USD', 10000, 10000, 10000, 'c-' || g, now() + interval '30 days',
                               now() - (g * interval '1 second')
                          FROM generate_series(1, :n) g""").param("sku", sku).param("n", WAITING_ORDERS).update();
        jdbc.sql("""
                        INSERT INTO order_stock (order_id, sku, quantity, state)
                        SELECT :sku || '-' || g, :sku, 1, 'WAITING' FROM generate_series(1, :n) g""").param("sku", sku).param("n", WAITING_ORDERS).update();
        jdbc.sql("UPDATE products SET backordered = :n WHERE sku = :sku")
                .param("sku", sku)
                .param("n", WAITING_ORDERS)
                .update();
    }
}
