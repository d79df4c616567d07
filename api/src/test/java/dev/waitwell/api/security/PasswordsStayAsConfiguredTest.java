package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A login never re-encodes the configured password: a BCrypt check on every request costs ~100 ms. */
@ApiTest
class PasswordsStayAsConfiguredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aPlainConfiguredPasswordIsNotUpgradedToBcryptByLoggingIn() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/admin/v1/audit").with(httpBasic("shop", "shop"))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/v1/audit").with(httpBasic("support", "support")))
                    .andExpect(status().isOk());
        }

        assertThat(users.loadUserByUsername("shop").getPassword()).isEqualTo("{noop}shop");
        assertThat(users.loadUserByUsername("support").getPassword()).isEqualTo("{noop}support");
    }
}
