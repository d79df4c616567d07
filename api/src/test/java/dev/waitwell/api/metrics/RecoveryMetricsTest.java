package dev.waitwell.api.metrics;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.checkout.StrandedCheckouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Orders found without a workflow (the reconciler's latest pass) and orders rebuilt, read from PostgreSQL. */
@ApiTest
class RecoveryMetricsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void countsOrdersRebuiltByTriggerAndShowsTheOrdersTheLatestPassFoundWithoutWorkflow() throws Exception {
        String sku = unique("RMT");
        mvc.perform(putProduct(sku, product(5_000, "EUR", inDays(40), null, 0))).andExpect(status().isCreated());
        String orderId = unique("rmt");
        StrandedCheckouts.place(context, orderId, sku);
        Scrape before = settled();

        jdbc.sql("""
                INSERT INTO order_rebuilds (order_id, status, trigger, requested_by, run_id)
                VALUES (?, 'AWAITING_RELEASE', 'RECONCILER', NULL, 'run-1'),
                       (?, 'AWAITING_RELEASE', 'RECONCILER', NULL, 'run-2'),
                       (?, 'AWAITING_RELEASE', 'SUPPORT', 'admin', 'run-3')""").params(orderId, orderId, orderId).update();
        jdbc.sql("""
                INSERT INTO workflow_reconciles (started_at, finished_at, open_orders, without_workflow, rebuilt, failed)
                VALUES (now(), now(), 40, 7, 7, 0)""").update();

        Scrape after = settled();
        assertThat(after.value("waitwell_orders_rebuilt_total", "trigger=\"RECONCILER\""))
                .isEqualTo(before.value("waitwell_orders_rebuilt_total", "trigger=\"RECONCILER\"") + 2);
        assertThat(after.value("waitwell_orders_rebuilt_total", "trigger=\"SUPPORT\""))
                .isEqualTo(before.value("waitwell_orders_rebuilt_total", "trigger=\"SUPPORT\"") + 1);
        assertThat(after.value("waitwell_orders_without_workflow")).isEqualTo(7);
        assertThat(after.text()).contains("# HELP waitwell_orders_without_workflow Open orders the worker's latest");
    }

    /** A scrape after the figures of earlier writes have been read (the test refresh is 0.2 s). */
    private Scrape settled() throws Exception {
        Thread.sleep(500);
        return new Scrape(mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
