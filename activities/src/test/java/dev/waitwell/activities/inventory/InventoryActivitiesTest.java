package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.StockRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class InventoryActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("inventoryActivities")
    InventoryActivities inventory;

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

    private String counters(String sku) {
        return jdbc.sql("SELECT 'preordered=' || preordered || ' allocated=' || allocated FROM products WHERE sku = ?")
                .param(sku).query(String.class).single();
    }

    private String state(String orderId) {
        return jdbc.sql("SELECT state FROM order_stock WHERE order_id = ?").param(orderId).query(String.class).single();
    }
}
