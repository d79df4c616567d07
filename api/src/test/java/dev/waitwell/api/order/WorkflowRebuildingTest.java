package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An open order whose workflow Temporal lost answers its updates 503 with {@code Retry-After} (the worker rebuilds
 * it shortly), not 409 "no longer open"; a finished one still answers 409.
 */
@ApiTest
class WorkflowRebuildingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient client;

    @Autowired
    TestTemporal.Activities activities;

    private String orderId;

    @BeforeEach
    void orderWhoseWorkflowTemporalLost() throws Exception {
        activities.reset();
        String sku = unique("RBG");
        mvc.perform(putProduct(sku, product(8_000, "EUR", inDays(40), null, 0))).andExpect(status().isCreated());
        orderId = unique("rbg");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).terminate("terminated by hand in the UI");
    }

    @Test
    void asksToRetryShortlyAndHasTheWorkerRebuildTheWorkflowAtOnce() throws Exception {
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/cancellation", """
                        {"reason": "customer asked"}""", orderId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.code").value("WORKFLOW_REBUILDING"))
                .andExpect(jsonPath("$.detail").value(containsString("being rebuilt")));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .as("nothing was done, nothing audited")
                .isZero();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT trigger FROM order_rebuilds WHERE order_id = ?")
                                .param(orderId)
                                .query(String.class)
                                .list())
                        .as("the rebuild asked at once, not at the reconciler's next pass")
                        .containsExactly("RECONCILER"));
    }

    @Test
    void aDecisionOnALostWorkflowAsksToRetryShortlyToo() throws Exception {
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/decision", """
                        {"choice": "WAIT"}""", orderId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.code").value("WORKFLOW_REBUILDING"));
    }

    @Test
    void keepsAnsweringConflictForAFinishedOrder() throws Exception {
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE order_id = ?")
                .param(orderId)
                .update();

        mvc.perform(postAs("support", "/admin/v1/orders/{id}/shipment", """
                        {"carrier": "DHL", "trackingNumber": "123"}""", orderId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_STATE_CONFLICT"))
                .andExpect(jsonPath("$.detail").value(containsString("no longer open")));
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/decision", """
                        {"choice": "WAIT"}""", orderId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DECISION_NOT_OPEN"));
    }
}
