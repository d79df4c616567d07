package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.OrderRecoveryWorkflowFake;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.checkout.StrandedCheckouts;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Support's {@code POST /admin/v1/orders/{id}/recovery}: ADMIN only, audited, the worker's rebuild awaited (here
 * the test worker's {@link OrderRecoveryWorkflowFake}), its outcome answered; the order shows its rebuilds.
 */
@ApiTest
class OrderRecoveryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient client;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    ApplicationContext context;

    private String sku;

    @BeforeEach
    void newProduct() throws Exception {
        activities.reset();
        sku = unique("RBD");
        mvc.perform(putProduct(sku, product(11_000, "EUR", inDays(40), null, 0)))
                .andExpect(status().isCreated());
    }

    @Test
    void rebuildsAnOpenOrderWhoseWorkflowTemporalLostAndShowsItOnTheOrder() throws Exception {
        String orderId = place("rbd-lost");
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastRebuiltAt").value(nullValue()))
                .andExpect(jsonPath("$.rebuilds").value(0));
        client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).terminate("cluster restored from a backup");
        String recorded = statusOf(orderId);

        String answer = mvc.perform(postAs("admin", "/admin/v1/orders/{id}/recovery", """
                        {"reason": "cluster restored"}""", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.outcome").value("REBUILT"))
                .andExpect(jsonPath("$.status").value(recorded))
                .andExpect(jsonPath("$.rebuiltAt").value(notNullValue()))
                .andExpect(jsonPath("$.detail").value(notNullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String runId = JsonPath.read(answer, "$.runId");
        WorkflowExecutionDescription workflow =
                client.newUntypedWorkflowStub(OrderWorkflowIds.of(orderId)).describe();
        assertThat(workflow.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(workflow.getExecution().getRunId()).isEqualTo(runId);
        assertThat(activities.recovery.requests())
                .contains(new RebuildRequest(orderId, RebuildTrigger.SUPPORT, "admin"));
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastRebuiltAt").value(notNullValue()))
                .andExpect(jsonPath("$.rebuilds").value(1));
        assertThat(audit(orderId))
                .containsEntry("username", "admin")
                .containsEntry("reason", "cluster restored")
                .containsEntry("details", "REBUILT run " + runId);
    }

    @Test
    void refusesToRebuildAnOrderWhoseWorkflowRunsOrThatIsFinished() throws Exception {
        String orderId = place("rbd-running");

        mvc.perform(post("/admin/v1/orders/{id}/recovery", orderId)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WORKFLOW_RUNNING"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing to rebuild")));
        assertThat(audit(orderId)).containsEntry("details", "RUNNING");

        jdbc.sql("UPDATE orders SET status = 'SHIPPED' WHERE order_id = ?")
                .param(orderId)
                .update();
        mvc.perform(post("/admin/v1/orders/{id}/recovery", orderId)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_FINISHED"));
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("admin", "admin")))
                .andExpect(jsonPath("$.rebuilds").value(0));
    }

    @Test
    void letsOnlyAdministratorsRebuildAndStartsNothingForAnUnknownOrder() throws Exception {
        String orderId = place("rbd-roles");
        for (String user : new String[] {"support", "ops", "shop"}) {
            mvc.perform(post("/admin/v1/orders/{id}/recovery", orderId)
                            .with(httpBasic(user, user))
                            .header("X-Requested-By", "test"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        }

        String unknown = unique("rbd-unknown");
        mvc.perform(post("/admin/v1/orders/{id}/recovery", unknown)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
        assertThat(activities.recovery.requests())
                .extracting(RebuildRequest::orderId)
                .doesNotContain(orderId, unknown);
    }

    @Test
    void refusesABadBodyWithAProblemAndStartsOrAuditsNothing() throws Exception {
        String orderId = place("rbd-bad");

        mvc.perform(postAs("admin", "/admin/v1/orders/{id}/recovery", """
                        {"reason": "%s"}""".formatted("x".repeat(501)), orderId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("reason")));
        mvc.perform(postAs("admin", "/admin/v1/orders/{id}/recovery", "{\"reason\": ", orderId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(notNullValue()));

        assertThat(activities.recovery.requests())
                .extracting(RebuildRequest::orderId)
                .doesNotContain(orderId);
        assertThat(jdbc.sql("SELECT count(*) FROM staff_actions WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void answersServiceUnavailableWhenTheWorkerDoesNotRebuildInTime() throws Exception {
        String orderId = unique(OrderRecoveryWorkflowFake.STALLING + "rbd");
        StrandedCheckouts.place(context, orderId, sku);
        Instant asked = Instant.now();

        mvc.perform(post("/admin/v1/orders/{id}/recovery", orderId)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "test"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("WORKFLOW_UNAVAILABLE"));

        assertThat(Duration.between(asked, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        String details = (String) audit(orderId).get("details");
        assertThat(details).startsWith("no answer from order-recovery-" + orderId + "-");
        String workflowId = details.substring("no answer from ".length(), details.indexOf(": "));
        client.newUntypedWorkflowStub(workflowId).terminate("test over");
    }

    private String place(String prefix) throws Exception {
        String orderId = unique(prefix);
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    private String statusOf(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    /** The latest rebuild request on the audit trail. */
    private Map<String, Object> audit(String orderId) {
        return jdbc.sql("""
                SELECT username, reason, details FROM staff_actions
                 WHERE order_id = ? AND action = 'ORDER_REBUILD_REQUESTED' ORDER BY id DESC LIMIT 1""").param(orderId).query().singleRow();
    }
}
