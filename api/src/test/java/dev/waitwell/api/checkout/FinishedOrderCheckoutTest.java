package dev.waitwell.api.checkout;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.api.order.Orders;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A finished order never runs again: its checkout repeated after Temporal forgot its run (a local restart, the
 * retention period after shipment) is answered from the database, starting, charging and sending nothing.
 */
@ApiTest
class FinishedOrderCheckoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkflowClient client;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    OrderWorkflows workflows;

    @Autowired
    Orders orders;

    private String sku;

    @BeforeEach
    void newProduct() throws Exception {
        activities.reset();
        sku = unique("FIN");
        mvc.perform(putProduct(sku, product(9_000, "EUR", inDays(40), null, 0))).andExpect(status().isCreated());
    }

    @Test
    void answersARepeatedCheckoutOfAShippedOrderWhoseHistoryIsGoneFromTheDatabaseAlone() throws Exception {
        String orderId = unique("fin-shipped");
        StrandedCheckouts.place(context, orderId, sku);
        // It ran and shipped long ago; Temporal no longer has its history.
        jdbc.sql("UPDATE orders SET status = 'SHIPPED', workflow_started_at = placed_at WHERE order_id = ?")
                .param(orderId)
                .update();

        repost(orderId, "SHIPPED");

        assertNothingRan(orderId);
    }

    @Test
    void neverStartsACancelledOrderWhoseStartWasNeverSeen() throws Exception {
        String orderId = unique("fin-cancelled");
        StrandedCheckouts.place(context, orderId, sku);
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE order_id = ?")
                .param(orderId)
                .update();

        repost(orderId, "CANCELLED");
        // The recovery sweep's way in, too.
        workflows.start(orders.find(orderId).orElseThrow());

        assertNothingRan(orderId);
        assertThat(jdbc.sql("SELECT workflow_input IS NULL FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Boolean.class)
                        .single())
                .as("a finished order keeps no input to be rebuilt from")
                .isTrue();
    }

    private void repost(String orderId, String status) throws Exception {
        mvc.perform(placeOrder("""
                        {"orderId": "%s", "customer": {"id": "c-rec", "name": "Ada", "email": "ada@example.com",
                         "channels": ["EMAIL"]}, "sku": "%s", "quantity": 1, "paymentPlan": "FULL",
                         "paymentMethod": "pm_card_visa"}""".formatted(orderId, sku)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.status").value(status));
    }

    private void assertNothingRan(String orderId) {
        assertThat(workflowExists(orderId)).as("no workflow started").isFalse();
        verify(activities.payments, never())
                .charge(argThat(charge -> charge.orderId().equals(orderId)));
        verify(activities.notifications, never())
                .notify(argThat(message -> message.orderId().equals(orderId)));
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private boolean workflowExists(String orderId) {
        try {
            client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).describe();
            return true;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        }
    }
}
