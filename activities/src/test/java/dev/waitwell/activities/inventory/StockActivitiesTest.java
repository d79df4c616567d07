package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.PendingAllocation;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class StockActivitiesTest extends DatabaseTest {

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.DAYS);

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Test
    void receiptsAllocateInPriorityOrderWithTheHeadTakingAPartialShare() {
        String sku = fixture.stockedProduct(0);
        String first = fixture.backorder(sku, 2, 0, T0);
        String urgent = fixture.backorder(sku, 3, 5, T0.plusSeconds(20));
        String second = fixture.backorder(sku, 1, 0, T0.plusSeconds(10));
        String last = fixture.backorder(sku, 1, 0, T0.plusSeconds(30));

        ReceiptOutcome four = stock.receive(new StockReceipt(sku, 4, "GRN-1", null, "ops"));

        assertThat(four.duplicate()).isFalse();
        assertThat(four.allocation().unitsAllocated()).isEqualTo(4);
        assertThat(allocationsOf(four)).containsExactly(urgent + ":3", first + ":1");
        assertThat(stockOf(urgent, first, second, last))
                .containsExactly("ALLOCATED 3/3", "WAITING 1/2", "WAITING 0/1", "WAITING 0/1");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=4 backordered=3");
        assertThat(timeline(first)).containsExactly("1 of 2 units allocated from receipt GRN-1");

        ReceiptOutcome two = stock.receive(new StockReceipt(sku, 2, "GRN-2", null, "ops"));

        // The head finishes its share before anyone behind it gets a unit.
        assertThat(allocationsOf(two)).containsExactly(first + ":1", second + ":1");
        assertThat(stockOf(first, second, last)).containsExactly("ALLOCATED 2/2", "ALLOCATED 1/1", "WAITING 0/1");
        assertThat(timeline(first))
                .containsExactly(
                        "1 of 2 units allocated from receipt GRN-1",
                        "1 more units allocated from receipt GRN-2 (2 of 2 now)");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=6 backordered=1");
    }

    @Test
    void stockBeyondTheQueueStaysOnHand() {
        String sku = fixture.stockedProduct(0);
        String waiting = fixture.backorder(sku, 2);

        ReceiptOutcome outcome = stock.receive(new StockReceipt(sku, 5, "GRN-1", null, "ops"));

        assertThat(allocationsOf(outcome)).containsExactly(waiting + ":2");
        assertThat(counters(sku)).isEqualTo("on_hand=3 allocated=2 backordered=0");
    }

    @Test
    void receiptWithNobodyWaitingCreatesNoBatch() {
        String sku = fixture.stockedProduct(0);

        ReceiptOutcome outcome = stock.receive(new StockReceipt(sku, 5, "GRN-1", null, "ops"));

        assertThat(outcome.allocation()).isNull();
        assertThat(counters(sku)).isEqualTo("on_hand=5 allocated=0 backordered=0");
        assertThat(jdbc.sql("SELECT count(*) FROM allocation_batches WHERE sku = ?")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void sameReceiptReferenceTwiceAddsStockOnceAndReturnsTheSameBatch() {
        String sku = fixture.stockedProduct(0);
        fixture.backorder(sku, 2);
        String purchaseOrder = fixture.purchaseOrder(sku, 10);
        StockReceipt receipt = new StockReceipt(sku, 3, "GRN-7", purchaseOrder, "ops");

        ReceiptOutcome first = stock.receive(receipt);
        ReceiptOutcome again = stock.receive(receipt);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.receiptId()).isEqualTo(first.receiptId());
        assertThat(again.allocation()).isEqualTo(first.allocation());
        assertThat(counters(sku)).isEqualTo("on_hand=1 allocated=2 backordered=0");
        assertThat(jdbc.sql("SELECT received FROM purchase_orders WHERE id = ?")
                        .param(purchaseOrder)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT batch_id FROM stock_receipts WHERE id = ?")
                        .param(first.receiptId())
                        .query(Long.class)
                        .single())
                .isEqualTo(first.allocation().batchId());
    }

    @Test
    void receivingMarksTheProductsStockTracked() {
        String sku = fixture.product(null);

        stock.receive(new StockReceipt(sku, 1, "GRN-1", null, "ops"));

        assertThat(jdbc.sql("SELECT stock_tracked FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void reusingAReferenceForOtherGoodsIsRefused() {
        String sku = fixture.stockedProduct(0);
        String purchaseOrder = fixture.purchaseOrder(sku, 10);
        stock.receive(new StockReceipt(sku, 3, "GRN-7", null, "ops"));

        assertRefused(new StockReceipt(sku, 4, "GRN-7", null, "ops"), "RECEIPT_CONFLICT");
        assertRefused(new StockReceipt(sku, 3, "GRN-7", purchaseOrder, "ops"), "RECEIPT_CONFLICT");
        assertThat(counters(sku)).isEqualTo("on_hand=3 allocated=0 backordered=0");
    }

    @Test
    void receivingMoreThanAPurchaseOrderHasOpenIsRefused() {
        String sku = fixture.stockedProduct(0);
        String purchaseOrder = fixture.purchaseOrder(sku, 5);
        stock.receive(new StockReceipt(sku, 3, "GRN-1", purchaseOrder, "ops"));

        assertRefused(new StockReceipt(sku, 3, "GRN-2", purchaseOrder, "ops"), "RECEIPT_EXCEEDS_PURCHASE_ORDER");
        stock.receive(new StockReceipt(sku, 2, "GRN-3", purchaseOrder, "ops"));

        assertThat(counters(sku)).isEqualTo("on_hand=5 allocated=0 backordered=0");
        assertThat(jdbc.sql("SELECT count(*) FROM stock_receipts WHERE sku = ? AND reference = 'GRN-2'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void receiptsNamingAnUnknownProductOrPurchaseOrderAreRefused() {
        String sku = fixture.stockedProduct(0);
        String otherProductsOrder = fixture.purchaseOrder(fixture.stockedProduct(0), 5);

        assertRefused(new StockReceipt("NO-SUCH-SKU", 1, "GRN-1", null, "ops"), "PRODUCT_NOT_FOUND");
        assertRefused(new StockReceipt(sku, 1, "GRN-1", "PO-NONE", "ops"), "PURCHASE_ORDER_NOT_FOUND");
        assertRefused(new StockReceipt(sku, 1, "GRN-1", otherProductsOrder, "ops"), "PURCHASE_ORDER_NOT_FOUND");
        assertThat(counters(sku)).isEqualTo("on_hand=0 allocated=0 backordered=0");
    }

    @Test
    void allocationsArePagedByIdInQueueOrder() {
        String sku = fixture.stockedProduct(0);
        List<String> orders = List.of(
                fixture.backorder(sku, 1, 0, T0),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(1)),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(2)),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(3)),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(4)));
        long batch = stock.receive(new StockReceipt(sku, 5, "GRN-1", null, "ops"))
                .allocation()
                .batchId();

        List<PendingAllocation> firstPage = stock.allocations(new AllocationPage(batch, 0, 2));
        List<PendingAllocation> secondPage =
                stock.allocations(new AllocationPage(batch, firstPage.get(1).allocationId(), 2));
        List<PendingAllocation> lastPage =
                stock.allocations(new AllocationPage(batch, secondPage.get(1).allocationId(), 2));
        List<PendingAllocation> after =
                stock.allocations(new AllocationPage(batch, lastPage.get(0).allocationId(), 2));

        assertThat(firstPage).extracting(PendingAllocation::orderId).containsExactlyElementsOf(orders.subList(0, 2));
        assertThat(secondPage).extracting(PendingAllocation::orderId).containsExactlyElementsOf(orders.subList(2, 4));
        assertThat(lastPage).extracting(PendingAllocation::orderId).containsExactly(orders.get(4));
        assertThat(after).isEmpty();
        assertThat(firstPage.get(0).allocationId()).isLessThan(firstPage.get(1).allocationId());
    }

    @Test
    void askingForTheNextPageRecordsTheSignalledOnesSoThatARerunSignalsOnlyTheRest() {
        String sku = fixture.stockedProduct(0);
        List<String> orders = List.of(
                fixture.backorder(sku, 1, 0, T0),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(1)),
                fixture.backorder(sku, 1, 0, T0.plusSeconds(2)));
        long batch = stock.receive(new StockReceipt(sku, 3, "GRN-1", null, "ops"))
                .allocation()
                .batchId();
        List<PendingAllocation> firstPage = stock.allocations(new AllocationPage(batch, 0, 2));
        assertThat(signalled(batch))
                .as("nothing signalled before the first page")
                .isZero();

        // The fan-out signalled the first page and asked for the next; then Temporal lost it.
        stock.allocations(new AllocationPage(batch, firstPage.get(1).allocationId(), 2));
        List<PendingAllocation> rerun = stock.allocations(new AllocationPage(batch, 0, 2));

        assertThat(signalled(batch)).isEqualTo(2);
        assertThat(rerun).extracting(PendingAllocation::orderId).containsExactly(orders.get(2));
        assertThat(stock.allocations(new AllocationPage(batch, rerun.get(0).allocationId(), 2)))
                .isEmpty();
        assertThat(signalled(batch)).isEqualTo(3);
    }

    private int signalled(long batch) {
        return jdbc.sql("SELECT count(*) FROM allocations WHERE batch_id = ? AND signalled_at IS NOT NULL")
                .param(batch)
                .query(Integer.class)
                .single();
    }

    private void assertRefused(StockReceipt receipt, String type) {
        assertThatThrownBy(() -> stock.receive(receipt)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(type);
            assertThat(failure.isNonRetryable()).isTrue();
        });
    }

    private List<String> allocationsOf(ReceiptOutcome outcome) {
        return jdbc.sql("SELECT order_id || ':' || quantity FROM allocations WHERE batch_id = ? ORDER BY id")
                .param(outcome.allocation().batchId())
                .query(String.class)
                .list();
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

    private List<String> timeline(String orderId) {
        return jdbc.sql("SELECT message FROM order_events WHERE order_id = ? AND type = 'ALLOCATED' ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }

    private String counters(String sku) {
        return jdbc.sql("""
                        SELECT 'on_hand=' || on_hand || ' allocated=' || allocated || ' backordered=' || backordered
                          FROM products WHERE sku = ?""").param(sku).query(String.class).single();
    }
}
