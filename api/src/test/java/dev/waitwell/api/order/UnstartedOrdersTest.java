package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.checkout.StrandedCheckouts;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderState;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An order committed by checkout whose workflow never started is started by the recovery sweep, once. */
@ApiTest
class UnstartedOrdersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UnstartedOrders unstarted;

    @Autowired
    WorkflowClient client;

    @Test
    void startsTheWorkflowOfAnOrderWhoseCheckoutStoppedBeforeTheStartAndLeavesStartedOnesAlone() throws Exception {
        String sku = unique("REC");
        mvc.perform(putProduct(sku, product(12_000, "EUR", inDays(40), null, 0)))
                .andExpect(status().isCreated());
        String placed = unique("rec-placed");
        mvc.perform(placeOrder(order(placed, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        assertThat(startSeen(placed)).isTrue();

        // An order that cannot be started (its row is broken: a pre-order without its release date) comes first ...
        String broken = unique("rec-broken");
        StrandedCheckouts.place(context, broken, sku);
        jdbc.sql("UPDATE orders SET promised_date = NULL WHERE order_id = ?")
                .param(broken)
                .update();
        // ... then the API stops between checkout's commit and the workflow start: only the transaction ran.
        String stranded = unique("rec-stranded");
        StrandedCheckouts.place(context, stranded, sku);
        assertThat(startSeen(stranded)).isFalse();
        assertThat(workflowExists(stranded)).isFalse();

        // Other tests insert orders without workflows on purpose: they are not this sweep's business here.
        jdbc.sql("""
                UPDATE orders SET workflow_started_at = placed_at
                 WHERE workflow_started_at IS NULL AND order_id NOT IN (?, ?)""").params(stranded, broken).update();
        assertThat(unstarted.startPlacedBefore(Instant.now().minusSeconds(3600)))
                .as("orders placed an hour ago or earlier: none of these")
                .isZero();
        int started = unstarted.startPlacedBefore(Instant.now().plusSeconds(1));

        assertThat(started)
                .as("the broken order does not hold up the one behind it")
                .isEqualTo(1);
        assertThat(startSeen(stranded)).isTrue();
        assertThat(startSeen(broken)).isFalse();
        assertThat(workflowExists(broken)).isFalse();
        OrderState state = client.newWorkflowStub(
                        dev.waitwell.workflows.order.OrderWorkflow.class, OrderWorkflowIds.of(stranded))
                .awaitCheckout();
        assertThat(state.status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(state.paid()).isEqualTo(12_000);
        assertThat(unstarted.startPlacedBefore(Instant.now().plusSeconds(1)))
                .as("only the broken one is left")
                .isZero();
        jdbc.sql("UPDATE orders SET workflow_started_at = now() WHERE order_id = ?")
                .param(broken)
                .update();
    }

    private boolean startSeen(String orderId) {
        return jdbc.sql("SELECT workflow_started_at IS NOT NULL FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    private boolean workflowExists(String orderId) {
        try {
            client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).describe();
            return true;
        } catch (io.temporal.client.WorkflowNotFoundException notFound) {
            return false;
        }
    }
}
