package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.TestDatabaseConfig;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.payment.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The local run's demo accounts and its sandbox payments come from the {@code local} profile alone. */
@SpringBootTest(
        properties = "spring.autoconfigure.exclude="
                + "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.NonRootNamespaceAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration")
@AutoConfigureMockMvc
@ActiveProfiles("local")
@Import({TestDatabaseConfig.class, TestTemporal.class})
class LocalProfileTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PaymentMethods paymentMethods;

    @Test
    void offersTheDemoAccountsWithTheirRoles() throws Exception {
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("admin", "admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("ops", "ops"))).andExpect(status().isOk());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("support", "support")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("shop", "shop"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void takesPaymentsInTheSandbox() {
        assertThat(paymentMethods.exists("pm_card_visa")).isTrue();
        assertThat(paymentMethods.exists("pm_1QxYzAbCdEfGhIjKlMnOpQrS")).isFalse();
    }
}
