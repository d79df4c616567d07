package dev.waitwell.api.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.api.survey.ShippedOrders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The survey on the customer's page: five buttons in a POST form with the link's token; the first answer counts,
 * a later one is kept and changes nothing; the JSON variant says the same. Audited as the customer's.
 */
@ApiTest
class SurveyPageTest {

    private static final RequestPostProcessor FROM_CUSTOMER = request -> {
        request.setRemoteAddr("203.0.113.9");
        return request;
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerLinks links;

    private ShippedOrders orders;

    @BeforeEach
    void setUp() {
        orders = ShippedOrders.of(jdbc);
    }

    @Test
    void thePageShowsFiveButtonsWithTheTokenOnceTheSurveyWasSent() throws Exception {
        String orderId = orders.shipped(Duration.ofDays(8));
        String token = tokenOf(orderId);
        mvc.perform(get("/c/orders/{id}", orderId).param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("How was your wait?"))));

        orders.surveyed(orderId);

        String page = mvc.perform(get("/c/orders/{id}", orderId).param("token", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("How was your wait?")
                .contains("<form method=\"post\" action=\"/c/orders/" + orderId + "/survey\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">")
                .contains("<textarea id=\"comment\" name=\"comment\"");
        for (int score = 1; score <= 5; score++) {
            assertThat(page).contains("<button type=\"submit\" name=\"score\" value=\"" + score + "\"");
        }
    }

    @Test
    void theFirstAnswerCountsAndALaterOneIsKeptWithoutChangingIt() throws Exception {
        String orderId = orders.shipped(Duration.ofDays(8));
        orders.surveyed(orderId);
        String token = tokenOf(orderId);

        mvc.perform(answer(orderId, token, "4").param("comment", "  Worth the wait  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thank you")))
                .andExpect(content().string(containsString("You gave your wait 4 out of 5. You said: Worth the wait")));
        mvc.perform(answer(orderId, token, "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the first one counts")))
                .andExpect(content().string(containsString("4 out of 5")));

        assertThat(jdbc.sql("SELECT score || ' ' || comment || ' ' || answered_via FROM surveys WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("4 Worth the wait PAGE");
        assertThat(jdbc.sql("SELECT score FROM survey_answers WHERE order_id = ? ORDER BY id")
                        .param(orderId)
                        .query(Integer.class)
                        .list())
                .containsExactly(4, 1);
        mvc.perform(get("/c/orders/{id}", orderId).param("token", token))
                .andExpect(content().string(containsString("You gave your wait 4 out of 5.")))
                .andExpect(content().string(not(containsString("name=\"score\""))));
        assertThat(audit(orderId))
                .containsExactly(
                        "customer SURVEY_ANSWERED 4 (counted) 203.0.113.9",
                        "customer SURVEY_ANSWERED 1 (kept; the first answer counts) 203.0.113.9");
    }

    @Test
    void refusesAForeignTokenAnOrderWithoutSurveyAndAScoreOutsideOneToFive() throws Exception {
        String orderId = orders.shipped(Duration.ofDays(8));
        String other = orders.shipped(Duration.ofDays(8));
        orders.surveyed(orderId);

        mvc.perform(answer(orderId, tokenOf(other), "5")).andExpect(status().isForbidden());
        mvc.perform(answer(other, tokenOf(other), "5")).andExpect(status().isConflict());
        mvc.perform(answer(orderId, tokenOf(orderId), "6")).andExpect(status().isBadRequest());
        mvc.perform(answer(orderId, tokenOf(orderId), "0")).andExpect(status().isBadRequest());
        mvc.perform(answer(orderId, tokenOf(orderId), "x")).andExpect(status().isBadRequest());

        assertThat(jdbc.sql("SELECT count(*) FROM survey_answers WHERE order_id IN (?, ?)")
                        .params(orderId, other)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audit(orderId)).isEmpty();
    }

    @Test
    void theJsonVariantAnswersLikeThePage() throws Exception {
        String orderId = orders.shipped(Duration.ofDays(8));
        String unsurveyed = orders.shipped(Duration.ofDays(8));
        orders.surveyed(orderId);
        String token = tokenOf(orderId);

        mvc.perform(json(orderId, "{\"token\": \"%s\", \"score\": 5, \"comment\": \"Great\"}".formatted(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counted").value(true))
                .andExpect(jsonPath("$.score").value(5))
                .andExpect(jsonPath("$.comment").value("Great"));
        mvc.perform(json(orderId, "{\"token\": \"%s\", \"score\": 2}".formatted(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counted").value(false))
                .andExpect(jsonPath("$.score").value(5));
        mvc.perform(json(orderId, "{\"token\": \"%s\", \"score\": 9}".formatted(token)))
                .andExpect(status().isBadRequest());
        mvc.perform(json(orderId, "{\"token\": \"%s\", \"score\": 3}".formatted(tokenOf(unsurveyed))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("LINK_INVALID"));
        mvc.perform(json(unsurveyed, "{\"token\": \"%s\", \"score\": 3}".formatted(tokenOf(unsurveyed))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SURVEY_NOT_SENT"));
        mvc.perform(get("/admin/v1/audit").param("orderId", orderId).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].user").value("customer"));
    }

    private static MockHttpServletRequestBuilder answer(String orderId, String token, String score) {
        return post("/c/orders/{id}/survey", orderId)
                .with(FROM_CUSTOMER)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", token)
                .param("score", score);
    }

    private static MockHttpServletRequestBuilder json(String orderId, String body) {
        return post("/c/v1/orders/{id}/survey", orderId)
                .with(FROM_CUSTOMER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private String tokenOf(String orderId) {
        String query = URI.create(links.urlFor(orderId, Instant.now().plus(Duration.ofDays(30))))
                .getRawQuery();
        return query.substring("token=".length());
    }

    private List<String> audit(String orderId) {
        return jdbc.sql("""
                        SELECT username || ' ' || action || ' ' || details || ' ' || client_address FROM staff_actions
                         WHERE order_id = ? ORDER BY id""").param(orderId).query(String.class).list();
    }
}
