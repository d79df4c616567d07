package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockRequest;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Stock that would overflow its bounds (V21) is refused for good: a non-retryable failure the workflow answers,
 * never a write a workflow retries forever.
 */
class StockBoundsTest extends DatabaseTest {

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Autowired
    @Qualifier("inventoryActivities") InventoryActivities inventory;

    @Test
    void aReceiptThatWouldHoldMoreThanTheStockCapIsRefusedForGoodAndRecordsNothing() {
        String sku = fixture.stockedProduct(0);
        jdbc.sql("UPDATE products SET on_hand = 9000000, allocated = 999999 WHERE sku = ?")
                .param(sku)
                .update();

        assertFailsForGood(new StockReceipt(sku, 2, "GRN-BIG", null, "ops"), "STOCK_LIMIT_EXCEEDED");

        assertThat(counters(sku)).isEqualTo("on_hand=9000000 allocated=999999 backordered=0");
        assertThat(receipts(sku)).isZero();
        // The last unit that fits is taken.
        stock.receive(new StockReceipt(sku, 1, "GRN-LAST", null, "ops"));
        assertThat(counters(sku)).isEqualTo("on_hand=9000001 allocated=999999 backordered=0");
    }

    @Test
    void aReceiptWhoseAllocationBreaksACounterCheckFailsForGoodInsteadOfRetrying() {
        String sku = fixture.stockedProduct(0);
        String waiting = fixture.backorder(sku, 2);
        // Counters out of step with the queue (a bug): allocating would take backordered below zero.
        jdbc.sql("UPDATE products SET backordered = 0 WHERE sku = ?").param(sku).update();

        assertFailsForGood(new StockReceipt(sku, 5, "GRN-1", null, "ops"), "CONSTRAINT_VIOLATED");

        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=0 backordered=0");
        assertThat(receipts(sku)).isZero();
        assertThat(jdbc.sql("SELECT state || ' ' || allocated FROM order_stock WHERE order_id = ?")
                        .param(waiting)
                        .query(String.class)
                        .single())
                .isEqualTo("WAITING 0");
    }

    @Test
    void aDispatchTheCountersRefuseFailsForGood() {
        String sku = fixture.stockedProduct(5);
        String order = fixture.inStockOrder(sku, 2);
        jdbc.sql("UPDATE products SET allocated = 0 WHERE sku = ?").param(sku).update();

        assertThatThrownBy(() -> inventory.dispatch(new StockRequest(order, sku, 2)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("CONSTRAINT_VIOLATED");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
        assertThat(jdbc.sql("SELECT state FROM order_stock WHERE order_id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("ALLOCATED");
    }

    @Test
    void theSchemaRefusesCountersAndPricesBeyondTheirBounds() {
        String sku = fixture.stockedProduct(0);

        assertThatThrownBy(() -> jdbc.sql("UPDATE products SET preordered = 2147483647 WHERE sku = ?")
                        .param(sku)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("counters_within_bound");
        assertThatThrownBy(() -> jdbc.sql("UPDATE products SET on_hand = 6000000, allocated = 5000000 WHERE sku = ?")
                        .param(sku)
                        .update())
                .hasMessageContaining("held_units_within_bound");
        assertThatThrownBy(() -> jdbc.sql("UPDATE products SET price_minor = 9223372036854775000 WHERE sku = ?")
                        .param(sku)
                        .update())
                .hasMessageContaining("price_within_bound");
    }

    private void assertFailsForGood(StockReceipt receipt, String type) {
        assertThatThrownBy(() -> stock.receive(receipt)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(type);
            assertThat(failure.isNonRetryable()).isTrue();
        });
    }

    private int receipts(String sku) {
        return jdbc.sql("SELECT count(*) FROM stock_receipts WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    private String counters(String sku) {
        return jdbc.sql("""
                        SELECT 'on_hand=' || on_hand || ' allocated=' || allocated || ' backordered=' || backordered
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }
}
