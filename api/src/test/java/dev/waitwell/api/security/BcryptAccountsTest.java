package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.TestDatabaseConfig;
import dev.waitwell.api.TestTemporal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A {@code {bcrypt}} account, as docker/.env.example configures them: it logs in, and the login is remembered. */
@SpringBootTest(
        properties = "spring.autoconfigure.exclude="
                + "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.NonRootNamespaceAutoConfiguration,"
                + "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration")
@AutoConfigureMockMvc
@Import({TestDatabaseConfig.class, TestTemporal.class})
class BcryptAccountsTest {

    private static final String PASSWORD = "a-long-ops-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        // No local profile: the demo-secret check runs, and takes a hash of an own password.
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        registry.add("waitwell.security.users", () -> "ops:{bcrypt}" + hash + ":OPS");
        registry.add("waitwell.links.secret", () -> "an-own-link-secret-of-enough-bytes");
        registry.add("waitwell.payments.gateway", () -> "sandbox");
    }

    @Test
    void aBcryptAccountLogsInAndItsLoginIsRememberedForTheNextRequests() throws Exception {
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("ops", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("ops", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("ops", "wrong"))).andExpect(status().isUnauthorized());

        assertThat(passwords).isInstanceOf(RememberedLogins.class);
        assertThat(((RememberedLogins) passwords).remembered()).isEqualTo(1);
    }
}
