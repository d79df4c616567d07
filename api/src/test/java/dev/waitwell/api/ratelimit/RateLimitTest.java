package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RateLimitedApiTest
class RateLimitTest {

    // The default: 10 limited requests per order and minute by staff.
    private static final int PER_ORDER = 10;

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableTime time;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answers429WithRetryAfterOnceAnOrderHadItsRequestsAndCancelsNothing() throws Exception {
        String orderId = placed();
        for (int i = 0; i < PER_ORDER; i++) {
            // refused by validation, but counted: the limit is on requests, not on successes
            cancel(orderId, "{}").andExpect(status().isBadRequest());
        }

        cancel(orderId, "{\"reason\": \"customer asked\"}")
                .andExpect(status().isTooManyRequests())
                // the bucket refills 10 a minute: one request every 6 s
                .andExpect(header().string("Retry-After", "6"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(6));

        assertThat(jdbc.sql("SELECT status FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isNotEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void letsTheOrderActAgainOnceItsBucketRefilled() throws Exception {
        String orderId = placed();
        for (int i = 0; i < PER_ORDER; i++) {
            cancel(orderId, "{}").andExpect(status().isBadRequest());
        }
        cancel(orderId, "{}").andExpect(status().isTooManyRequests());

        time.advance(Duration.ofSeconds(6));

        cancel(orderId, "{\"reason\": \"customer asked\"}").andExpect(status().isOk());
        cancel(orderId, "{\"reason\": \"customer asked\"}").andExpect(status().isTooManyRequests());
    }

    @Test
    void limitsEachOrderOnItsOwn() throws Exception {
        String busy = placed();
        for (int i = 0; i < PER_ORDER; i++) {
            cancel(busy, "{}").andExpect(status().isBadRequest());
        }

        cancel(placed(), "{\"reason\": \"customer asked\"}").andExpect(status().isOk());
    }

    private ResultActions cancel(String orderId, String body) throws Exception {
        return mvc.perform(post("/admin/v1/orders/{id}/cancellation", orderId)
                .with(httpBasic("support", "support"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String placed() throws Exception {
        String sku = unique("RATE");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("rate");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }
}
