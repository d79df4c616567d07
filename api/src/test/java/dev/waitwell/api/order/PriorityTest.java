package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@ApiTest
class PriorityTest {

    private static final String PRIORITY = "/admin/v1/orders/{id}/priority";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void movesAnOrderInTheQueueWithTheReasonOnTheAuditTrail() throws Exception {
        String orderId = backorder();

        mvc.perform(postAs(
                        "support",
                        PRIORITY,
                        "{\"priority\": 10, \"reason\": \"replacement for a broken unit\"}",
                        orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.priority").value(10))
                .andExpect(jsonPath("$.status").value("AWAITING_STOCK"));
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("ops", "ops")))
                .andExpect(jsonPath("$.priority").value(10))
                .andExpect(jsonPath("$.allocatedUnits").value(0));

        assertThat(jdbc.sql("""
                SELECT username || ' ' || action || ' ' || reason || ' ' || details FROM staff_actions
                 WHERE order_id = ? ORDER BY id""").param(orderId).query(String.class).list())
                .containsExactly("support ORDER_PRIORITY_CHANGED replacement for a broken unit priority 0 -> 10");
    }

    @Test
    void refusesAPriorityWithoutReasonOrForAnUnknownOrder() throws Exception {
        String orderId = backorder();

        mvc.perform(postAs("admin", PRIORITY, "{\"priority\": 3}", orderId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(postAs("admin", PRIORITY, "{\"priority\": 3, \"reason\": \"x\"}", "no-such-order"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
        assertThat(priority(orderId)).isZero();
    }

    @Test
    void letsOnlySupportAndAdminsChangeAPriority() throws Exception {
        String orderId = backorder();
        String body = "{\"priority\": 7, \"reason\": \"because\"}";

        mvc.perform(post(PRIORITY, orderId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        for (String user : List.of("ops", "shop")) {
            mvc.perform(postAs(user, PRIORITY, body, orderId))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        }
        assertThat(priority(orderId)).isZero();
        mvc.perform(postAs("admin", PRIORITY, body, orderId)).andExpect(status().isOk());
        assertThat(priority(orderId)).isEqualTo(7);
    }

    @Test
    void aPriorityChangeDoesNotHoldUpWritesThatReferToTheOrder() throws Exception {
        String orderId = backorder();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread change = new Thread(() -> transaction.executeWithoutResult(status -> {
            orders.changePriority(orderId, 4);
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        change.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            // A timeline entry's foreign key locks the order row FOR KEY SHARE: it must not wait for the change.
            transaction.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
                jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, 'NOTE', 'x')")
                        .params(orderId, unique("note"))
                        .update();
            });
        } finally {
            release.countDown();
            change.join();
        }
        assertThat(priority(orderId)).isEqualTo(4);
    }

    private String backorder() throws Exception {
        String sku = unique("PRIO");
        mvc.perform(putProduct(
                        sku, stockProduct(1_000, true, 30, null, shopToday().plusDays(5))))
                .andExpect(status().isCreated());
        String orderId = unique("prio");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    private int priority(String orderId) {
        return jdbc.sql("SELECT priority FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(Integer.class)
                .single();
    }
}
