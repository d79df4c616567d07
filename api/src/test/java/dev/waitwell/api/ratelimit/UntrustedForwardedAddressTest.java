package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.ratelimit.ClientAddress.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Without {@code SERVER_FORWARD_HEADERS_STRATEGY}, a forwarded address is the caller's word and counts for nothing. */
@RateLimitedApiTest
class UntrustedForwardedAddressTest {

    private static final int PER_ADDRESS = 600;

    @Autowired
    MockMvc mvc;

    @Test
    void aForgedForwardedAddressDoesNotTakeTheCallerOutOfItsBucket() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            decide("203.0.113.80", "198.51.100." + (i % 250)).andExpect(status().isForbidden());
        }

        decide("203.0.113.80", "192.0.2.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        decide("203.0.113.81", "192.0.2.1").andExpect(status().isForbidden());
    }

    private ResultActions decide(String caller, String claimed) throws Exception {
        return mvc.perform(post("/c/v1/orders/{id}/decision", "fwd-2")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"4102444800.forged\", \"choice\": \"WAIT\"}")
                .header("X-Forwarded-For", claimed)
                .with(from(caller)));
    }
}
