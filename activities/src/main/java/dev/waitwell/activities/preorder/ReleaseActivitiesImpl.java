package dev.waitwell.activities.preorder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component("releaseActivities")
class ReleaseActivitiesImpl implements ReleaseActivities {

    static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";

    private static final Logger log = LoggerFactory.getLogger(ReleaseActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final Clock shopClock;

    ReleaseActivitiesImpl(JdbcClient jdbc, @Value("${waitwell.zone:UTC}") ZoneId shopZone) {
        this.jdbc = jdbc;
        this.shopClock = Clock.system(shopZone);
    }

    @Override
    public ReleasedProduct markReleased(ReleaseRequest request) {
        // "Today" is the shop's date: a release date starts at 00:00 in the shop's zone.
        LocalDate today = LocalDate.now(shopClock);
        int marked = jdbc.sql("""
                        UPDATE products
                           SET released_at = now(),
                               release_date = CASE WHEN release_date IS NULL OR release_date > :today
                                                   THEN :today ELSE release_date END,
                               updated_at = now()
                         WHERE sku = :sku AND released_at IS NULL""")
                .param("today", today)
                .param("sku", request.sku())
                .update();
        if (marked == 0 && !productExists(request.sku())) {
            throw ApplicationFailure.newNonRetryableFailure("no product " + request.sku(), PRODUCT_NOT_FOUND);
        }
        List<String> waiting = jdbc.sql("""
                        SELECT order_id FROM orders
                         WHERE sku = :sku AND kind = 'PREORDER' AND status NOT IN ('SHIPPED', 'CANCELLED')
                         ORDER BY placed_at, order_id""")
                .param("sku", request.sku())
                .query(String.class)
                .list();
        log.info("Product {} {} by {}; {} open pre-orders", request.sku(),
                marked == 1 ? "released" : "was released already", request.requestedBy(), waiting.size());
        return new ReleasedProduct(request.sku(), waiting);
    }

    private boolean productExists(String sku) {
        return jdbc.sql("SELECT count(*) FROM products WHERE sku = :sku").param("sku", sku)
                .query(Integer.class).single() == 1;
    }
}
