package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.ratelimit.ClientAddress.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Behind a proxy that the deployment trusts ({@code SERVER_FORWARD_HEADERS_STRATEGY=framework}), each customer is
 * counted at their own address, not all of them at the proxy's.
 */
@RateLimitedApiTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedAddressTest {

    private static final int PER_ADDRESS = 600;
    private static final String PROXY = "10.0.0.1";

    @Autowired
    MockMvc mvc;

    @Test
    void countsTwoCustomersBehindOneProxyEachAtTheirOwnAddress() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            decide("198.51.100.71").andExpect(status().isForbidden());
        }
        decide("198.51.100.71")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));

        decide("198.51.100.72").andExpect(status().isForbidden());
    }

    private ResultActions decide(String customer) throws Exception {
        return mvc.perform(post("/c/v1/orders/{id}/decision", "fwd-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"4102444800.forged\", \"choice\": \"WAIT\"}")
                .header("X-Forwarded-For", customer)
                .with(from(PROXY)));
    }
}
