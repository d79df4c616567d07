package dev.waitwell.api.product;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.OrderListeners;
import dev.waitwell.api.OrderListeners.ListeningOrder;
import dev.waitwell.api.checkout.StrandedCheckouts;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A release Temporal lost part-way is finished by the sweep: each open pre-order told once, none twice. */
@ApiTest
class UnfinishedReleasesTest {

    /** The rows of this test are backdated past it; rows of other tests are newer and left alone. */
    private static final Instant LOST_AT = Instant.now().minus(2, ChronoUnit.HOURS);

    private static final Instant BEFORE = LOST_AT.plus(1, ChronoUnit.HOURS);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkflowClient client;

    @Autowired
    UnfinishedReleases sweep;

    @Test
    void tellsOnlyThePreordersTheLostReleaseHadNotTold() throws Exception {
        String sku = unique("REL");
        mvc.perform(putProduct(sku, product(8_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String orderId = unique("rel-" + i);
            StrandedCheckouts.place(context, orderId, sku);
            jdbc.sql("""
                    UPDATE orders SET status = 'AWAITING_RELEASE', workflow_started_at = placed_at WHERE order_id = ?""").param(orderId).update();
            orders.add(orderId);
        }
        // The release marked the product released and listed its pre-orders, told the first, and was lost with
        // Temporal's state: no run of release-{sku} is known.
        jdbc.sql("UPDATE products SET released_at = ? WHERE sku = ?")
                .params(Timestamp.from(LOST_AT), sku)
                .update();
        for (String orderId : orders) {
            jdbc.sql("INSERT INTO release_notices (sku, order_id, listed_at) VALUES (?, ?, ?)")
                    .params(sku, orderId, Timestamp.from(LOST_AT))
                    .update();
        }
        jdbc.sql("UPDATE release_notices SET told_at = now() WHERE order_id = ?")
                .param(orders.get(0))
                .update();
        List<ListeningOrder> listeners = new ArrayList<>();
        // orders.get(3) has no workflow: gone, as after a restart of Temporal; its rebuild reads the release.
        for (String orderId : orders.subList(0, 3)) {
            listeners.add(OrderListeners.start(client, orderId));
        }

        assertThat(sweep.recover(BEFORE)).isEqualTo(1);
        OrderListeners.awaitCompleted(client, ProductReleaseWorkflowIds.of(sku));

        assertThat(released(listeners.get(0))).as("told before the loss").isZero();
        assertThat(released(listeners.get(1))).isEqualTo(1);
        assertThat(released(listeners.get(2))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM release_notices WHERE sku = ? AND told_at IS NULL")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(sweep.recover(BEFORE)).as("finished: nothing to start").isZero();
        assertThat(released(listeners.get(1))).isEqualTo(1);
        OrderListeners.stop(client, orders.subList(0, 3).toArray(String[]::new));
    }

    @Test
    void aRepeatedReleaseRequestFinishesALostReleaseInsteadOfAnsweringItDone() throws Exception {
        String sku = unique("REL");
        mvc.perform(putProduct(sku, product(8_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String orderId = unique("rel-again");
        StrandedCheckouts.place(context, orderId, sku);
        jdbc.sql("UPDATE orders SET status = 'AWAITING_RELEASE', workflow_started_at = placed_at WHERE order_id = ?")
                .param(orderId)
                .update();
        jdbc.sql("UPDATE products SET released_at = now() WHERE sku = ?")
                .param(sku)
                .update();
        jdbc.sql("INSERT INTO release_notices (sku, order_id) VALUES (?, ?)")
                .params(sku, orderId)
                .update();
        ListeningOrder order = OrderListeners.start(client, orderId);

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isAccepted());
        OrderListeners.awaitCompleted(client, ProductReleaseWorkflowIds.of(sku));

        assertThat(released(order)).isEqualTo(1);
        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PRODUCT_ALREADY_RELEASED"));
        OrderListeners.stop(client, orderId);
    }

    private static long released(ListeningOrder order) {
        return order.heard().stream().filter("released"::equals).count();
    }
}
