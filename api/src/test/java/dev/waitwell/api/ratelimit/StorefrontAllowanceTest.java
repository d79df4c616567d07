package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Over HTTP: the shop's checkout account places orders from its own allowance, staff from theirs. */
@RateLimitedApiTest
@TestPropertySource(
        properties = {"waitwell.rate-limit.per-user-per-minute=2", "waitwell.rate-limit.per-storefront-per-minute=3"})
class StorefrontAllowanceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String sku;

    @BeforeEach
    void fullAllowancesAndAProduct() throws Exception {
        forgetTheAccountsBuckets();
        sku = unique("ALLOW");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
    }

    @Test
    void theShopsCheckoutIsNotHeldToAStaffUsersAllowanceNorStaffToTheCheckouts() throws Exception {
        for (int i = 0; i < 3; i++) {
            placeAs("shop").andExpect(status().isCreated());
        }
        placeAs("shop")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));

        for (int i = 0; i < 2; i++) {
            placeAs("admin").andExpect(status().isCreated());
        }
        placeAs("admin").andExpect(status().isTooManyRequests());
    }

    /**
     * The buckets live in the database the other tests share, and a bucket's row keeps the allowance it was made with:
     * these two accounts' rows are made afresh here and removed after, so that no other test meets these small ones.
     */
    @AfterEach
    void forgetTheAccountsBuckets() {
        jdbc.sql("DELETE FROM rate_limit_buckets WHERE id IN ('user:admin', 'storefront:shop')")
                .update();
    }

    private ResultActions placeAs(String user) throws Exception {
        return mvc.perform(postAs(user, "/api/v1/orders", order(unique("allow"), sku, 1, "DEPOSIT", "pm_card_visa")));
    }
}
