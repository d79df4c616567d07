package dev.waitwell.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.survey.ShippedOrders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The survey's figures on /actuator/prometheus, by kind and delayed. Delayed pre-orders are this test's own (no
 * other test surveys one), so their average and response rate are exactly what it wrote; counters grow by its rows.
 */
@ApiTest
class SurveyMetricsTest {

    private static final String[] DELAYED_PREORDERS = {"kind=\"PREORDER\"", "delayed=\"true\""};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsSurveysSentResponsesByScoreTheAverageAndTheResponseRate() throws Exception {
        Scrape before = settled();
        ShippedOrders orders = ShippedOrders.of(jdbc);
        String great = delayedPreorder(orders);
        String poor = delayedPreorder(orders);
        String silent = delayedPreorder(orders);
        orders.answered(great, 5);
        orders.answered(poor, 2);
        orders.surveyed(silent);

        Scrape after = settled();

        assertThat(after.value("waitwell_surveys_sent_total", DELAYED_PREORDERS)
                        - before.value("waitwell_surveys_sent_total", DELAYED_PREORDERS))
                .isEqualTo(3.0);
        assertThat(delta(before, after, "5")).isEqualTo(1.0);
        assertThat(delta(before, after, "2")).isEqualTo(1.0);
        assertThat(delta(before, after, "3")).isZero();
        assertThat(after.value("waitwell_satisfaction_average", DELAYED_PREORDERS))
                .isEqualTo(3.5);
        assertThat(after.value("waitwell_survey_response_rate", DELAYED_PREORDERS))
                .isCloseTo(2.0 / 3, within(1e-9));
        // Known from the start, at 0: the series of a kind nobody answered yet.
        assertThat(after.value("waitwell_survey_responses_total", "kind=\"BACKORDER\"", "score=\"1\""))
                .isNotNaN();
    }

    private String delayedPreorder(ShippedOrders orders) {
        String orderId = orders.order("PREORDER", "SHIPPED", Duration.ofDays(40), ShippedOrders.PHONE);
        orders.event(orderId, "STATUS_AWAITING_DECISION", Instant.now().minus(Duration.ofDays(30)));
        orders.event(orderId, "STATUS_SHIPPED", Instant.now().minus(Duration.ofDays(10)));
        return orderId;
    }

    private static double delta(Scrape before, Scrape after, String score) {
        String[] labels = {"kind=\"PREORDER\"", "delayed=\"true\"", "score=\"" + score + "\""};
        return after.value("waitwell_survey_responses_total", labels)
                - before.value("waitwell_survey_responses_total", labels);
    }

    /** A scrape after the figures of earlier writes have been read (the test refresh is 0.2 s). */
    private Scrape settled() throws Exception {
        Thread.sleep(300);
        scrape();
        Thread.sleep(300);
        return scrape();
    }

    private Scrape scrape() throws Exception {
        return new Scrape(mvc.perform(get("/actuator/prometheus").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
