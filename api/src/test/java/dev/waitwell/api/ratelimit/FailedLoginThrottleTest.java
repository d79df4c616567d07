package dev.waitwell.api.ratelimit;

import static dev.waitwell.api.ratelimit.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RateLimitedApiTest
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginThrottleTest {

    // The defaults: 10 failures per user name and 30 per address within 5 minutes.
    private static final int PER_USER = 10;
    private static final int PER_ADDRESS = 30;

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableTime time;

    @AfterEach
    void refillEveryBucket() {
        // The other tests of this context log in as these users.
        time.advance(Duration.ofMinutes(5));
    }

    @Test
    void refusesAUserNameThatFailedTooOftenAtAnAddressBeforeCheckingThePasswordAndLogsEachFailure(CapturedOutput output)
            throws Exception {
        for (int i = 0; i < PER_USER; i++) {
            login("ops", "wrong-password-" + i, "203.0.113.30").andExpect(status().isUnauthorized());
        }

        // the right password, from the same address: refused all the same, unchecked
        login("ops", "ops", "203.0.113.30")
                .andExpect(status().isTooManyRequests())
                // 10 failures refill over 5 minutes: one every 30 s
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        time.advance(Duration.ofSeconds(30));
        login("ops", "ops", "203.0.113.30").andExpect(status().isOk());

        assertThat(output.getOut())
                .contains("WARN")
                .contains("Failed login: user 'ops' from 203.0.113.30")
                .doesNotContain("wrong-password-");
    }

    @Test
    void aGuesserElsewhereCannotLockTheUserOutFromAnyOtherAddress() throws Exception {
        for (int i = 0; i < PER_USER * 3; i++) {
            login("both", "guess-" + i, "203.0.113.41").andExpect(status().is4xxClientError());
        }

        login("both", "both", "203.0.113.41").andExpect(status().isTooManyRequests());
        login("both", "both", "198.51.100.40").andExpect(status().isOk());
        login("both", "both", "198.51.100.42").andExpect(status().isOk());
    }

    @Test
    void refusesAnAddressThatFailedTooOftenWhateverTheUserName() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            login("nobody-" + i, "guess", "203.0.113.50").andExpect(status().isUnauthorized());
        }

        login("ops", "ops", "203.0.113.50")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        login("ops", "ops", "198.51.100.51").andExpect(status().isOk());
    }

    @Test
    void writesNoUserNameIntoTheLogAsItCameSoThatNoLineCanBeForged(CapturedOutput output) throws Exception {
        login("ops\n2026-12-03 INFO forged line", "guess", "203.0.113.60").andExpect(status().isUnauthorized());

        assertThat(output.getOut())
                .contains("Failed login: user 'ops?2026-12-03 INFO forged line' from 203.0.113.60")
                .doesNotContain("ops\n2026-12-03 INFO forged line");
    }

    private ResultActions login(String user, String password, String address) throws Exception {
        return mvc.perform(
                get("/admin/v1/orders").with(httpBasic(user, password)).with(from(address)));
    }
}
