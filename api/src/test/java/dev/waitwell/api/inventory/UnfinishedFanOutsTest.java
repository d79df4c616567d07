package dev.waitwell.api.inventory;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.OrderListeners;
import dev.waitwell.api.OrderListeners.ListeningOrder;
import dev.waitwell.api.checkout.StrandedCheckouts;
import dev.waitwell.workflows.inventory.AllocationWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An allocation fan-out Temporal lost part-way is finished by the sweep: each order told once, none twice. */
@ApiTest
class UnfinishedFanOutsTest {

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
    UnfinishedFanOuts sweep;

    @Test
    void tellsOnlyTheOrdersTheTerminatedFanOutHadNotToldAndFinishesTheBatch() throws Exception {
        String sku = unique("FAN");
        mvc.perform(putProduct(sku, product(5_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String orderId = unique("fan-" + i);
            StrandedCheckouts.place(context, orderId, sku);
            orders.add(orderId);
        }
        String told = orders.get(0);
        // orders.get(3) has no workflow: gone, as after a restart of Temporal.
        String shipped = unique("fan-shipped");
        StrandedCheckouts.place(context, shipped, sku);
        jdbc.sql("UPDATE orders SET status = 'SHIPPED' WHERE order_id = ?")
                .param(shipped)
                .update();
        long batchId = jdbc.sql("""
                INSERT INTO allocation_batches (sku, source, source_ref, created_at) VALUES (?, 'RECEIPT', ?, ?)
                RETURNING id""")
                .params(sku, unique("receipt"), java.sql.Timestamp.from(LOST_AT))
                .query(Long.class)
                .single();
        List<Long> allocations = new ArrayList<>();
        for (String orderId : orders) {
            allocations.add(allocate(batchId, orderId));
        }
        allocate(batchId, shipped);
        // The fan-out had told the first order when it was terminated.
        jdbc.sql("UPDATE allocations SET signalled_at = now() WHERE id = ?")
                .param(allocations.get(0))
                .update();
        OrderListeners.terminatedRunOf(client, AllocationWorkflowIds.fanOut(batchId));
        List<ListeningOrder> listeners = new ArrayList<>();
        for (String orderId : orders.subList(0, 3)) {
            listeners.add(OrderListeners.start(client, orderId));
        }

        assertThat(sweep.recover(BEFORE)).isEqualTo(1);
        OrderListeners.awaitCompleted(client, AllocationWorkflowIds.fanOut(batchId));

        assertThat(listeners.get(0).heard()).as("told before the loss").isEmpty();
        assertThat(listeners.get(1).heard()).containsExactly("allocated:" + allocations.get(1));
        assertThat(listeners.get(2).heard()).containsExactly("allocated:" + allocations.get(2));
        assertThat(untold(batchId))
                .as("the order whose workflow is gone is rebuilt from its allocation row: nothing left to tell")
                .isZero();
        assertThat(sweep.recover(BEFORE)).as("finished: nothing to start").isZero();
        assertThat(listeners.get(1).heard()).hasSize(1);
        OrderListeners.stop(client, told, orders.get(1), orders.get(2));
    }

    @Test
    void leavesARunningFanOutAlone() throws Exception {
        String sku = unique("FAN");
        mvc.perform(putProduct(sku, product(5_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        String orderId = unique("fan-run");
        StrandedCheckouts.place(context, orderId, sku);
        long batchId = jdbc.sql("""
                INSERT INTO allocation_batches (sku, source, source_ref, created_at) VALUES (?, 'RECEIPT', ?, ?)
                RETURNING id""")
                .params(sku, unique("receipt"), java.sql.Timestamp.from(LOST_AT))
                .query(Long.class)
                .single();
        allocate(batchId, orderId);
        // Something still runs under the fan-out's id (as a fan-out waiting on its next page would).
        String workflowId = AllocationWorkflowIds.fanOut(batchId);
        OrderListeners.startUnder(client, workflowId);

        assertThat(sweep.recover(BEFORE)).isZero();
        assertThat(untold(batchId)).isEqualTo(1);
        client.newUntypedWorkflowStub(workflowId).terminate("test done");
        jdbc.sql("UPDATE allocations SET signalled_at = now() WHERE batch_id = ?")
                .param(batchId)
                .update();
    }

    private long allocate(long batchId, String orderId) {
        return jdbc.sql("""
                INSERT INTO allocations (batch_id, order_id, quantity, created_at) VALUES (?, ?, 1, ?) RETURNING id""")
                .params(batchId, orderId, java.sql.Timestamp.from(LOST_AT))
                .query(Long.class)
                .single();
    }

    private long untold(long batchId) {
        return jdbc.sql("SELECT count(*) FROM allocations WHERE batch_id = ? AND signalled_at IS NULL")
                .param(batchId)
                .query(Long.class)
                .single();
    }
}
