package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class InventoryActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("inventoryActivities") InventoryActivities inventory;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Test
    void allocationMovesAnOrdersUnitsOnceWhateverTheRetries() {
        String sku = fixture.product(LocalDate.now());
        String orderId = fixture.preorder(sku, 2);
        fixture.preorder(sku, 3);

        inventory.allocate(new StockRequest(orderId, sku, 2));
        inventory.allocate(new StockRequest(orderId, sku, 2));

        assertThat(counters(sku)).isEqualTo("preordered=3 allocated=2");
        assertThat(state(orderId)).isEqualTo("ALLOCATED");
    }

    @Test
    void dispatchReleasesTheAllocationOnce() {
        String sku = fixture.product(LocalDate.now());
        String orderId = fixture.preorder(sku, 2);
        inventory.allocate(new StockRequest(orderId, sku, 2));

        inventory.dispatch(new StockRequest(orderId, sku, 2));
        inventory.dispatch(new StockRequest(orderId, sku, 2));

        assertThat(counters(sku)).isEqualTo("preordered=0 allocated=0");
        assertThat(state(orderId)).isEqualTo("SHIPPED");
    }

    @Test
    void returningPreorderedUnitsGivesBackThePreorderCounter() {
        String sku = fixture.product(LocalDate.now());
        String orderId = fixture.preorder(sku, 2);

        inventory.returnUnits(new StockRequest(orderId, sku, 2));
        inventory.returnUnits(new StockRequest(orderId, sku, 2));

        assertThat(counters(sku)).isEqualTo("preordered=0 allocated=0");
        assertThat(state(orderId)).isEqualTo("RETURNED");
    }

    @Test
    void returningAllocatedUnitsGivesBackTheAllocation() {
        String sku = fixture.product(LocalDate.now());
        String orderId = fixture.preorder(sku, 2);
        fixture.preorder(sku, 1);
        inventory.allocate(new StockRequest(orderId, sku, 2));

        inventory.returnUnits(new StockRequest(orderId, sku, 2));
        inventory.allocate(new StockRequest(orderId, sku, 2));

        assertThat(counters(sku)).isEqualTo("preordered=1 allocated=0");
        assertThat(state(orderId)).isEqualTo("RETURNED");
    }

    @Test
    void shippedUnitsAreNeverReturned() {
        String sku = fixture.product(LocalDate.now());
        String orderId = fixture.preorder(sku, 1);
        inventory.allocate(new StockRequest(orderId, sku, 1));
        inventory.dispatch(new StockRequest(orderId, sku, 1));

        inventory.returnUnits(new StockRequest(orderId, sku, 1));

        assertThat(state(orderId)).isEqualTo("SHIPPED");
        assertThat(counters(sku)).isEqualTo("preordered=0 allocated=0");
    }

    @Test
    void orderWithoutAStockRowFailsClearly() {
        String sku = fixture.product(LocalDate.now());

        assertThatThrownBy(() -> inventory.allocate(new StockRequest("o-missing", sku, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("o-missing has no order_stock row");
    }

    @Test
    void cancellingAPartlyAllocatedOrderHandsItsUnitsToTheNextWaitingOrderOnce() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
        String sku = fixture.stockedProduct(0);
        String head = fixture.backorder(sku, 3, 0, t0);
        String next = fixture.backorder(sku, 2, 0, t0.plusSeconds(1));
        String last = fixture.backorder(sku, 2, 0, t0.plusSeconds(2));
        stock.receive(new StockReceipt(sku, 2, "GRN-1", null, "ops"));

        ReturnedUnits returned = inventory.releaseUnits(new StockRequest(head, sku, 3));
        ReturnedUnits again = inventory.releaseUnits(new StockRequest(head, sku, 3));

        assertThat(returned.unitsReturned()).isEqualTo(2);
        assertThat(returned.reallocation().unitsAllocated()).isEqualTo(2);
        assertThat(again).isEqualTo(returned);
        assertThat(jdbc.sql("SELECT order_id || ':' || quantity FROM allocations WHERE batch_id = ? ORDER BY id")
                        .param(returned.reallocation().batchId())
                        .query(String.class)
                        .list())
                .containsExactly(next + ":2");
        assertThat(stockOf(head, next, last)).containsExactly("RETURNED 0/3", "ALLOCATED 2/2", "WAITING 0/2");
        assertThat(stockCounters(sku)).isEqualTo("on_hand=0 allocated=2 backordered=2");
    }

    @Test
    void cancellingAWaitingOrderWithNothingAllocatedOnlyLeavesTheQueue() {
        String sku = fixture.stockedProduct(0);
        String waiting = fixture.backorder(sku, 3);
        fixture.backorder(sku, 1);

        ReturnedUnits returned = inventory.releaseUnits(new StockRequest(waiting, sku, 3));

        assertThat(returned).isEqualTo(new ReturnedUnits(0, null));
        assertThat(stockCounters(sku)).isEqualTo("on_hand=0 allocated=0 backordered=1");
    }

    @Test
    void cancellingAnInStockOrderPutsItsUnitsBackOnHandWhenNobodyWaits() {
        String sku = fixture.stockedProduct(5);
        String orderId = fixture.inStockOrder(sku, 2);

        ReturnedUnits returned = inventory.releaseUnits(new StockRequest(orderId, sku, 2));

        assertThat(returned).isEqualTo(new ReturnedUnits(2, null));
        assertThat(stockCounters(sku)).isEqualTo("on_hand=5 allocated=0 backordered=0");
    }

    @Test
    void cancellingAPreorderGivesBackThePreorderCounter() {
        String sku = fixture.product(LocalDate.now().plusDays(10));
        String orderId = fixture.preorder(sku, 2);

        assertThat(inventory.releaseUnits(new StockRequest(orderId, sku, 2))).isEqualTo(new ReturnedUnits(0, null));
        assertThat(counters(sku)).isEqualTo("preordered=0 allocated=0");
        assertThat(state(orderId)).isEqualTo("RETURNED");
    }

    @Test
    void shippedUnitsAreNeverReleased() {
        String sku = fixture.stockedProduct(1);
        String orderId = fixture.inStockOrder(sku, 1);
        inventory.dispatch(new StockRequest(orderId, sku, 1));

        assertThatThrownBy(() -> inventory.releaseUnits(new StockRequest(orderId, sku, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has shipped");
    }

    @Test
    void everyPreorderJoiningTheQueueOnReleaseGetsTheSameBatch() {
        String sku = fixture.product(LocalDate.now());
        String first = fixture.preorder(sku, 1);
        String second = fixture.preorder(sku, 2);

        AllocationBatch byFirst = inventory.joinQueueOnRelease(new StockRequest(first, sku, 1));
        AllocationBatch bySecond = inventory.joinQueueOnRelease(new StockRequest(second, sku, 2));

        assertThat(byFirst).isNotNull().isEqualTo(bySecond);
        assertThat(byFirst.unitsAllocated()).isEqualTo(3);
        assertThat(stockOf(first, second)).containsExactly("ALLOCATED 1/1", "ALLOCATED 2/2");
    }

    @Test
    void anOrderFromBeforeTheQueueWaitsForItsUnitsWhenReleasedIntoATrackedProduct() {
        String sku = fixture.product(LocalDate.now());
        fixture.purchaseOrder(sku, 10);
        String orderId = fixture.preorder(sku, 1);
        inventory.joinQueueOnRelease(new StockRequest(orderId, sku, 1));

        assertThatThrownBy(() -> inventory.allocate(new StockRequest(orderId, sku, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waits in the queue");
        stock.receive(new StockReceipt(sku, 1, "GRN-1", null, "ops"));
        inventory.allocate(new StockRequest(orderId, sku, 1));

        assertThat(stockOf(orderId)).containsExactly("ALLOCATED 1/1");
    }

    private List<String> stockOf(String... orderIds) {
        return java.util.Arrays.stream(orderIds)
                .map(orderId -> jdbc.sql(
                                "SELECT state || ' ' || allocated || '/' || quantity FROM order_stock WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .toList();
    }

    private String stockCounters(String sku) {
        return jdbc.sql("""
                        SELECT 'on_hand=' || on_hand || ' allocated=' || allocated || ' backordered=' || backordered
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }

    private String counters(String sku) {
        return jdbc.sql("SELECT 'preordered=' || preordered || ' allocated=' || allocated FROM products WHERE sku = ?")
                .param(sku)
                .query(String.class)
                .single();
    }

    private String state(String orderId) {
        return jdbc.sql("SELECT state FROM order_stock WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }
}
