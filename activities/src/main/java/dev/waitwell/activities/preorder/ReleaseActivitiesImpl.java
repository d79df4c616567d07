package dev.waitwell.activities.preorder;

import dev.waitwell.activities.inventory.ProductRelease;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseNotices;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component("releaseActivities")
class ReleaseActivitiesImpl implements ReleaseActivities {

    private static final Logger log = LoggerFactory.getLogger(ReleaseActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final ProductRelease release;
    private final ReleaseSignals signals;

    ReleaseActivitiesImpl(JdbcClient jdbc, ProductRelease release, ReleaseSignals signals) {
        this.jdbc = jdbc;
        this.release = release;
        this.signals = signals;
    }

    @Override
    public ReleasedProduct markReleased(ReleaseRequest request) {
        ProductRelease.Outcome outcome = release.release(request.sku());
        List<String> waiting = toTell(request.sku());
        log.info(
                "Product {} {} by {}; {} open pre-orders",
                request.sku(),
                outcome.releasedNow() ? "released" : "was released already",
                request.requestedBy(),
                waiting.size());
        return new ReleasedProduct(request.sku(), waiting, outcome.allocation());
    }

    @Override
    public void ordersTold(ReleaseNotices told) {
        if (told.orderIds().isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE release_notices SET told_at = now()
                         WHERE sku = :sku AND order_id IN (:orderIds) AND told_at IS NULL""")
                .param("sku", told.sku())
                .param("orderIds", told.orderIds())
                .update();
    }

    /**
     * Heartbeats as the orders are told: a retry (the worker died, or a slow service ran the attempt out of time) goes
     * on from the first order not known to be told (every one before it was), not from the first; the orders after it
     * that were told meanwhile are told again, which they take as the release they know.
     */
    @Override
    public int tellOrders(ReleaseNotices notices) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        TellingProgress progress =
                activity.getHeartbeatDetails(TellingProgress.class).orElse(new TellingProgress(0, 0));
        List<String> orderIds = notices.orderIds();
        int from = progress.next();
        int closedBefore = progress.closed();
        // Orders closed since the listing, or lost, are counted: a rebuild reads the release from the database.
        int closed = closedBefore
                + signals.tellAll(
                        orderIds.subList(from, orderIds.size()),
                        (told, closedSoFar) ->
                                activity.heartbeat(new TellingProgress(from + told, closedBefore + closedSoFar)));
        ordersTold(notices);
        return closed;
    }

    /** How far {@link #tellOrders} got: the index of the next order to tell, and how many had no workflow. */
    record TellingProgress(int next, int closed) {}

    /**
     * The open pre-orders of the product not yet told of its release, each now recorded as to be told (so that a
     * release lost part-way is found and finished), in placement order.
     */
    private List<String> toTell(String sku) {
        return jdbc.sql("""
                        WITH listed AS (
                            INSERT INTO release_notices (sku, order_id)
                            SELECT sku, order_id FROM orders
                             WHERE sku = :sku AND kind = 'PREORDER' AND status NOT IN ('SHIPPED', 'CANCELLED')
                            ON CONFLICT (sku, order_id) DO NOTHING
                        )
                        SELECT o.order_id FROM orders o
                          LEFT JOIN release_notices n ON n.sku = o.sku AND n.order_id = o.order_id
                         WHERE o.sku = :sku AND o.kind = 'PREORDER' AND o.status NOT IN ('SHIPPED', 'CANCELLED')
                           AND n.told_at IS NULL
                         ORDER BY o.placed_at, o.order_id""").param("sku", sku).query(String.class).list();
    }
}
