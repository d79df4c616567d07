package dev.waitwell.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.Fixtures;
import dev.waitwell.api.TestDatabaseConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The API with its database, but a Temporal target where nothing listens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@Import({TestDatabaseConfig.class, TemporalDownTest.ClosedTemporal.class})
class TemporalDownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsTemporalDownAndTheApiNotReady() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health").with(httpBasic("ops", "ops")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.temporal.status").value("DOWN"))
                .andExpect(jsonPath("$.components.temporal.details.target").value(ClosedTemporal.target))
                .andExpect(jsonPath("$.components.temporal.details.error", startsWith("UNAVAILABLE")));
    }

    @Test
    void staysAliveSoThatItIsNotRestartedForTemporalsOutage() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void checkoutKeepsTheOrderAndAnswers202SoThatTheShopNeverPlacesItAgainUnderAnotherId() throws Exception {
        String sku = Fixtures.unique("DOWN");
        mvc.perform(Fixtures.putProduct(sku, Fixtures.product(7_000, "EUR", Fixtures.inDays(30), null, 0)))
                .andExpect(status().isCreated());
        String orderId = Fixtures.unique("down");

        mvc.perform(Fixtures.placeOrder(Fixtures.order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/orders/" + orderId))
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                .andExpect(jsonPath("$.paid").value(0));

        assertThat(jdbc.sql("SELECT workflow_started_at IS NULL FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Boolean.class)
                        .single())
                .as("left to the recovery sweep")
                .isTrue();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClosedTemporal {

        static final String target = "127.0.0.1:" + closedPort();

        @Bean(destroyMethod = "shutdownNow")
        WorkflowServiceStubs closedService() {
            return WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
        }

        @Bean
        WorkflowClient workflowClient(WorkflowServiceStubs closedService) {
            return WorkflowClient.newInstance(closedService);
        }

        /** A port that was free a moment ago: nothing listens there. */
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
