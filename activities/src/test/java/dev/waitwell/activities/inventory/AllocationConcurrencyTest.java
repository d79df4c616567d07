package dev.waitwell.activities.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.inventory.AllocationPage;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockActivities;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Receipts (some references sent several times at once, some against one purchase order), cancellations,
 * dispatches and fan-out reads of one sku from many threads at once, then the invariants of the books.
 */
class AllocationConcurrencyTest extends DatabaseTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 40;
    private static final int WAITING_ORDERS = 200;
    private static final int REFERENCES = 30;

    @Autowired
    @Qualifier("stockActivities") StockActivities stock;

    @Autowired
    @Qualifier("inventoryActivities") InventoryActivities inventory;

    @Test
    void concurrentReceiptsCancellationsAndDispatchesNeverOversellNorServeOutOfQueueOrder() throws Exception {
        String sku = fixture.stockedProduct(0);
        String purchaseOrder = fixture.purchaseOrder(sku, 20);
        Random random = new Random(42);
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < WAITING_ORDERS; i++) {
            orders.add(fixture.backorder(
                    sku,
                    1 + random.nextInt(3),
                    random.nextInt(10) == 0 ? 5 : random.nextInt(2),
                    start.plusSeconds(random.nextInt(100_000))));
        }
        Map<String, Queue<ReceiptOutcome>> outcomes = new ConcurrentHashMap<>();
        Queue<Long> batches = new ConcurrentLinkedQueue<>();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random own = new Random(t);
            running.add(pool.submit(() -> {
                barrier.await();
                for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                    try {
                        operate(own, sku, purchaseOrder, orders, outcomes, batches);
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        outcomes.forEach((reference, seen) -> assertThat(seen)
                .as("every answer for %s", reference)
                .extracting(o -> o.receiptId() + "/" + o.allocation())
                .containsOnly(seen.peek().receiptId() + "/" + seen.peek().allocation()));
        assertBooksBalance(sku, purchaseOrder);
        assertEveryBatchServedTheQueueInOrder(sku);
    }

    @Test
    void preordersReachingTheirReleaseDateAtOnceReleaseTheProductOnceAndShareItsBatch() throws Exception {
        String sku = fixture.product(java.time.LocalDate.now());
        List<String> preorders = new ArrayList<>();
        for (int i = 0; i < THREADS * 3; i++) {
            preorders.add(fixture.preorder(sku, 1 + i % 2));
        }
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<dev.waitwell.workflows.inventory.AllocationBatch>> joined = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String orderId = preorders.get(t);
            joined.add(pool.submit(() -> {
                barrier.await();
                return inventory.joinQueueOnRelease(new StockRequest(orderId, sku, 1));
            }));
        }
        List<Long> batchIds = new ArrayList<>();
        for (Future<dev.waitwell.workflows.inventory.AllocationBatch> batch : joined) {
            batchIds.add(batch.get(1, TimeUnit.MINUTES).batchId());
        }
        pool.shutdown();

        assertThat(batchIds).containsOnly(batchIds.get(0));
        assertThat(jdbc.sql("SELECT count(*) FROM allocation_batches WHERE sku = ?")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT on_hand || '/' || allocated || '/' || preordered FROM products WHERE sku = ?")
                        .param(sku)
                        .query(String.class)
                        .single())
                .isEqualTo("0/36/0");
    }

    private void operate(
            Random random,
            String sku,
            String purchaseOrder,
            List<String> orders,
            Map<String, Queue<ReceiptOutcome>> outcomes,
            Queue<Long> batches) {
        int dice = random.nextInt(10);
        if (dice < 4) {
            int reference = random.nextInt(REFERENCES);
            receive(new StockReceipt(sku, 1 + reference % 4, "GRN-" + reference, null, "ops"), outcomes, batches);
        } else if (dice == 4) {
            int reference = random.nextInt(8);
            try {
                receive(new StockReceipt(sku, 5, "PO-GRN-" + reference, purchaseOrder, "ops"), outcomes, batches);
            } catch (ApplicationFailure refused) {
                assertThat(refused.getType()).isEqualTo(BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER.name());
            }
        } else if (dice < 7) {
            String orderId = orders.get(random.nextInt(orders.size()));
            try {
                var returned = inventory.releaseUnits(new StockRequest(orderId, sku, 1));
                if (returned.reallocation() != null) {
                    batches.add(returned.reallocation().batchId());
                }
            } catch (IllegalStateException shipped) {
                assertThat(shipped).hasMessageContaining("has shipped");
            }
        } else if (dice == 7) {
            inventory.dispatch(new StockRequest(orders.get(random.nextInt(orders.size())), sku, 1));
        } else {
            Long batch = batches.peek();
            if (batch != null) {
                assertThat(stock.allocations(new AllocationPage(batch, 0, 50))).isNotEmpty();
            }
        }
    }

    private void receive(StockReceipt receipt, Map<String, Queue<ReceiptOutcome>> outcomes, Queue<Long> batches) {
        ReceiptOutcome outcome = stock.receive(receipt);
        outcomes.computeIfAbsent(receipt.reference(), r -> new ConcurrentLinkedQueue<>())
                .add(outcome);
        if (outcome.allocation() != null) {
            batches.add(outcome.allocation().batchId());
        }
    }

    private void assertBooksBalance(String sku, String purchaseOrder) {
        // Every order holds exactly what its allocations gave it (returned orders: what they gave back).
        assertThat(jdbc.sql("""
                        SELECT s.order_id FROM order_stock s
                          LEFT JOIN (SELECT order_id, sum(quantity) AS units FROM allocations GROUP BY order_id) a
                                 ON a.order_id = s.order_id
                         WHERE s.sku = ?
                           AND coalesce(a.units, 0)
                               <> CASE s.state WHEN 'RETURNED' THEN s.returned ELSE s.allocated END""").param(sku).query(String.class).list())
                .as("orders whose allocations do not add up")
                .isEmpty();
        Map<String, Object> books = jdbc.sql("""
                        SELECT p.on_hand, p.allocated, p.backordered, p.preordered,
                               (SELECT sum(quantity) FROM stock_receipts r WHERE r.sku = p.sku) AS received,
                               (SELECT coalesce(sum(allocated), 0) FROM order_stock s
                                 WHERE s.sku = p.sku AND s.state IN ('WAITING', 'ALLOCATED')) AS held,
                               (SELECT coalesce(sum(quantity - allocated), 0) FROM order_stock s
                                 WHERE s.sku = p.sku AND s.state = 'WAITING') AS needed,
                               (SELECT coalesce(sum(quantity), 0) FROM order_stock s
                                 WHERE s.sku = p.sku AND s.state = 'SHIPPED') AS shipped,
                               (SELECT count(*) FROM order_stock s
                                 WHERE s.sku = p.sku AND s.state = 'WAITING') AS waiting
                          FROM products p WHERE p.sku = ?""").param(sku).query().singleRow();
        long onHand = number(books, "on_hand");
        assertThat(number(books, "allocated")).as("products.allocated").isEqualTo(number(books, "held"));
        assertThat(number(books, "backordered")).as("products.backordered").isEqualTo(number(books, "needed"));
        assertThat(number(books, "preordered")).isZero();
        assertThat(onHand + number(books, "held") + number(books, "shipped"))
                .as("units on hand, held and shipped are the units received")
                .isEqualTo(number(books, "received"));
        assertThat(onHand == 0 || number(books, "waiting") == 0)
                .as("no stock on hand while orders wait")
                .isTrue();
        assertThat(number(books, "received")).as("something was received").isPositive();
        assertThat(jdbc.sql("""
                        SELECT p.received = coalesce((SELECT sum(quantity) FROM stock_receipts
                                                       WHERE purchase_order_id = p.id), 0)
                          FROM purchase_orders p WHERE id = ?""").param(purchaseOrder).query(Boolean.class).single())
                .isTrue();
        // One receipt per reference, one batch per receipt.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM allocation_batches b
                         WHERE b.sku = ? AND b.source = 'RECEIPT'
                           AND NOT EXISTS (SELECT 1 FROM stock_receipts r WHERE r.batch_id = b.id
                                                                            AND r.id::text = b.source_ref)""").param(sku).query(Integer.class).single()).isZero();
    }

    /**
     * Batches of a sku are made one after the other under the product lock, so ids and timeline event ids
     * order them with the cancellations between them. For each batch, replay the queue as it stood: every
     * order ahead of the last one served still needing units must have been served, and in full.
     */
    private void assertEveryBatchServedTheQueueInOrder(String sku) {
        List<QueuedOrder> queue = jdbc.sql("""
                        SELECT o.order_id, s.quantity,
                               (SELECT min(e.id) FROM order_events e
                                 WHERE e.order_id = o.order_id AND e.event_key = 'stock-returned') AS returned_at
                          FROM orders o JOIN order_stock s ON s.order_id = o.order_id
                         WHERE o.sku = ? ORDER BY o.priority DESC, o.placed_at, o.order_id""")
                .param(sku)
                .query((rs, n) -> new QueuedOrder(
                        rs.getString(1), rs.getInt(2), rs.getObject(3) == null ? Long.MAX_VALUE : rs.getLong(3)))
                .list();
        List<Allocated> allocations = jdbc.sql("""
                        SELECT a.batch_id, a.order_id, a.quantity, e.id
                          FROM allocations a
                          JOIN order_events e ON e.order_id = a.order_id AND e.event_key = 'allocation/' || a.id
                          JOIN allocation_batches b ON b.id = a.batch_id
                         WHERE b.sku = ? ORDER BY a.batch_id, a.id""")
                .param(sku)
                .query((rs, n) -> new Allocated(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
        Map<String, Integer> held = new HashMap<>();
        Map<Long, List<Allocated>> byBatch = new java.util.TreeMap<>();
        allocations.forEach(a ->
                byBatch.computeIfAbsent(a.batchId(), b -> new ArrayList<>()).add(a));
        assertThat(byBatch).hasSizeGreaterThan(5);
        for (List<Allocated> batch : byBatch.values()) {
            long madeAt = batch.stream().mapToLong(Allocated::eventId).min().orElseThrow();
            Map<String, Integer> taken = new HashMap<>();
            batch.forEach(a -> taken.put(a.orderId(), a.quantity()));
            int lastServed = -1;
            for (int i = 0; i < queue.size(); i++) {
                if (taken.containsKey(queue.get(i).orderId())) {
                    lastServed = i;
                }
            }
            for (int i = 0; i <= lastServed; i++) {
                QueuedOrder order = queue.get(i);
                int before = held.getOrDefault(order.orderId(), 0);
                boolean waiting = order.returnedAt() > madeAt && before < order.quantity();
                int got = taken.getOrDefault(order.orderId(), 0);
                if (waiting) {
                    assertThat(got)
                            .as(
                                    "batch %d skipped waiting order %s",
                                    batch.get(0).batchId(), order.orderId())
                            .isPositive();
                    if (i < lastServed) {
                        assertThat(before + got)
                                .as("order %s ahead of the last served got all it needed", order.orderId())
                                .isEqualTo(order.quantity());
                    }
                } else {
                    assertThat(got)
                            .as(
                                    "batch %d served order %s that was not waiting",
                                    batch.get(0).batchId(), order.orderId())
                            .isZero();
                }
            }
            taken.forEach((orderId, units) -> held.merge(orderId, units, Integer::sum));
        }
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private record QueuedOrder(String orderId, int quantity, long returnedAt) {}

    private record Allocated(long batchId, String orderId, int quantity, long eventId) {}
}
