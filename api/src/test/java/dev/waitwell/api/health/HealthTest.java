package dev.waitwell.api.health;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Against the embedded PostgreSQL and the Temporal test service of the API tests, both up. */
@ApiTest
class HealthTest {

    @Autowired
    MockMvc mvc;

    @Test
    void showsProbesOnlyTheOverallStatus() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void showsOperationsTheDatabaseAndTemporalWithTheirDetails() throws Exception {
        mvc.perform(get("/actuator/health").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"))
                .andExpect(jsonPath("$.components.temporal.status").value("UP"))
                .andExpect(jsonPath("$.components.temporal.details.namespace").value("default"));
    }

    /** Liveness without Temporal: {@link TemporalDownTest}. */
    @Test
    void readinessNeedsTheDatabaseAndTemporal() throws Exception {
        mvc.perform(get("/actuator/health/readiness").with(httpBasic("admin", "admin")))
                .andExpect(jsonPath("$.components", aMapWithSize(3)))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.temporal.status").value("UP"));
    }

    @Test
    void showsOtherRolesNoComponents() throws Exception {
        mvc.perform(get("/actuator/health").with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
