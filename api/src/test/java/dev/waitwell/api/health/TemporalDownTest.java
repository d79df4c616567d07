package dev.waitwell.api.health;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The API with its database, but a Temporal target where nothing listens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestDatabaseConfig.class, TemporalDownTest.ClosedTemporal.class})
class TemporalDownTest {

    @Autowired
    MockMvc mvc;

    @Test
    void reportsTemporalDownAndTheApiNotReady() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable());
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

    @TestConfiguration(proxyBeanMethods = false)
    static class ClosedTemporal {

        static final String target = "127.0.0.1:" + closedPort();

        @Bean(destroyMethod = "shutdownNow")
        WorkflowServiceStubs closedService() {
            return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(target)
                    .validateAndBuildWithDefaults());
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
