package dev.waitwell.api.recovery;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The {@code recovery} health component reports the worker's latest reconcile pass, UNKNOWN before any, and never
 * takes the API down. Each read is by another user: the health endpoint caches an answer per caller for 2 s.
 */
@ApiTest
class RecoveryHealthTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsTheLatestReconcilePassAndUnknownBeforeAnyWithoutTakingTheApiDown() throws Exception {
        jdbc.sql("DELETE FROM workflow_reconciles").update();
        mvc.perform(get("/actuator/health").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.recovery.status").value("UNKNOWN"));

        jdbc.sql("""
                INSERT INTO workflow_reconciles (started_at, finished_at, open_orders, without_workflow, rebuilt, failed)
                VALUES (now() - interval '10 minutes', now() - interval '10 minutes', 9, 0, 0, 0),
                       (now() - interval '2 seconds', now() - interval '1 second', 12, 3, 2, 1)""").update();
        long rebuiltTotal = jdbc.sql("SELECT count(*) FROM order_rebuilds")
                .query(Long.class)
                .single();

        mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.recovery.status").value("UP"))
                .andExpect(jsonPath("$.components.recovery.details.lastPassAt").isString())
                .andExpect(jsonPath("$.components.recovery.details.openOrders").value(12))
                .andExpect(jsonPath("$.components.recovery.details.withoutWorkflow")
                        .value(3))
                .andExpect(jsonPath("$.components.recovery.details.rebuilt").value(2))
                .andExpect(jsonPath("$.components.recovery.details.failed").value(1))
                .andExpect(
                        jsonPath("$.components.recovery.details.rebuiltTotal").value((int) rebuiltTotal));
    }
}
