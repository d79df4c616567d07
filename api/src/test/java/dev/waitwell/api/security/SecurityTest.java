package dev.waitwell.api.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class SecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersWithoutCredentialsWith401ProblemAndBasicChallenge() throws Exception {
        mvc.perform(get("/admin/v1/products/{sku}", "ANY"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.type").value("https://waitwell.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void answersWrongPasswordWith401Problem() throws Exception {
        mvc.perform(get("/admin/v1/products/{sku}", "ANY").with(httpBasic("admin", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void answersWrongRoleWith403ProblemAndChangesNothing() throws Exception {
        String sku = Fixtures.unique("SEC");
        mvc.perform(Fixtures.putProductAs("ops", sku, Fixtures.product(100, "EUR", Fixtures.inDays(30), null, 0)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(get("/admin/v1/products/{sku}", sku).with(httpBasic("ops", "ops")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
    }

    @Test
    void refusesTheStorefrontTheLedger() throws Exception {
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }

    @Test
    void letsAUserWithSeveralRolesUseEach() throws Exception {
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("both", "both"))).andExpect(status().isOk());
    }

    @Test
    void servesTheOpenApiDocumentAndHealthWithoutCredentials() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/orders']").exists());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
