package dev.waitwell.activities.preorder;

import dev.waitwell.activities.inventory.ProductRelease;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
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

    ReleaseActivitiesImpl(JdbcClient jdbc, ProductRelease release) {
        this.jdbc = jdbc;
        this.release = release;
    }

    @Override
    public ReleasedProduct markReleased(ReleaseRequest request) {
        ProductRelease.Outcome outcome = release.release(request.sku());
        List<String> waiting =
                jdbc.sql("""
                        SELECT order_id FROM orders
                         WHERE sku = :sku AND kind = 'PREORDER' AND status NOT IN ('SHIPPED', 'CANCELLED')
                         ORDER BY placed_at, order_id""").param("sku", request.sku()).query(String.class).list();
        log.info(
                "Product {} {} by {}; {} open pre-orders",
                request.sku(),
                outcome.releasedNow() ? "released" : "was released already",
                request.requestedBy(),
                waiting.size());
        return new ReleasedProduct(request.sku(), waiting, outcome.allocation());
    }
}
