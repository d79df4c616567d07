package dev.waitwell.activities.inventory;

import dev.waitwell.activities.shared.ConstraintViolations;
import dev.waitwell.activities.shared.WaitwellProperties;
import dev.waitwell.workflows.inventory.AllocationBatch;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases a product once, in one transaction: its pre-orders join the allocation queue and units on hand
 * are allocated to them. Both the release workflow and every pre-order reaching its date call it; whoever
 * comes first releases, the others get the same batch back.
 */
@Component
public class ProductRelease {

    private static final Logger log = LoggerFactory.getLogger(ProductRelease.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StockAllocator allocator;
    private final Clock shopClock;
    /**
     * The release batch of each product this worker saw released. A release happens once and its batch never changes,
     * so on release day the product's thousands of pre-orders read it here, rather than each locking the product row
     * in turn and adding up the whole batch again.
     */
    private final Map<String, Optional<AllocationBatch>> releasedBatches = new ConcurrentHashMap<>();

    ProductRelease(
            JdbcClient jdbc, TransactionTemplate transactions, StockAllocator allocator, WaitwellProperties shop) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.allocator = allocator;
        this.shopClock = Clock.system(shop.zone());
    }

    /** What a release call found or did. */
    public record Outcome(boolean releasedNow, AllocationBatch allocation) {}

    /**
     * Releases the product if it is not yet, and returns its release's allocation (null when it allocated
     * nothing). Non-retryable {@code PRODUCT_NOT_FOUND} for an unknown sku.
     */
    public Outcome release(String sku) {
        Optional<AllocationBatch> seen = releasedBatches.get(sku);
        if (seen != null) {
            return new Outcome(false, seen.orElse(null));
        }
        Outcome outcome = ConstraintViolations.failForGood(
                "Release of " + sku, () -> transactions.execute(tx -> releaseLocked(sku)));
        releasedBatches.putIfAbsent(sku, Optional.ofNullable(outcome.allocation()));
        return outcome;
    }

    private Outcome releaseLocked(String sku) {
        StockAllocator.LockedProduct product = allocator.lockProduct(sku);
        if (product.released()) {
            return new Outcome(
                    false, allocator.batchOf(BatchSource.RELEASE, sku).orElse(null));
        }
        markReleased(sku);
        int joined = preordersJoinQueue(sku);
        if (!product.stockTracked() && joined > 0) {
            receiveLaunchStock(sku, joined);
        }
        AllocationBatch batch = allocator.allocate(sku, BatchSource.RELEASE, sku, "the release");
        if (batch != null) {
            jdbc.sql("UPDATE stock_receipts SET batch_id = :batch WHERE sku = :sku AND reference = 'launch'")
                    .param("batch", batch.batchId())
                    .param("sku", sku)
                    .update();
        }
        log.info(
                "Product {} released: {} pre-ordered units joined the queue{}",
                sku,
                joined,
                product.stockTracked() ? "" : " with as many units of launch stock");
        return new Outcome(true, batch);
    }

    private void markReleased(String sku) {
        // "Today" is the shop's date: a release date starts at 00:00 in the shop's zone.
        jdbc.sql("""
                        UPDATE products
                           SET released_at = now(),
                               release_date = CASE WHEN release_date IS NULL OR release_date > :today
                                                   THEN :today ELSE release_date END,
                               updated_at = now()
                         WHERE sku = :sku""").param("today", LocalDate.now(shopClock)).param("sku", sku).update();
    }

    /** @return the units that moved from pre-ordered to waiting */
    private int preordersJoinQueue(String sku) {
        return jdbc.sql("""
                        WITH joined AS (
                            UPDATE order_stock SET state = 'WAITING', updated_at = now()
                             WHERE sku = :sku AND state = 'PREORDERED'
                            RETURNING quantity
                        ), units AS (SELECT coalesce(sum(quantity), 0)::integer AS q FROM joined),
                        counters AS (
                            UPDATE products p
                               SET preordered = p.preordered - units.q, backordered = p.backordered + units.q
                              FROM units WHERE p.sku = :sku AND units.q > 0
                        )
                        SELECT q FROM units""").param("sku", sku).query(Integer.class).single();
    }

    /** A product Waitwell never tracked ships its pre-orders from stock that arrives with the release. */
    private void receiveLaunchStock(String sku, int units) {
        jdbc.sql("""
                        INSERT INTO stock_receipts (sku, reference, quantity, received_by)
                        VALUES (:sku, 'launch', :units, 'release')""").param("sku", sku).param("units", units).update();
        jdbc.sql("UPDATE products SET on_hand = on_hand + :units WHERE sku = :sku")
                .param("units", units)
                .param("sku", sku)
                .update();
    }
}
