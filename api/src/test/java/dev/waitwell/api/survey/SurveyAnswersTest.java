package dev.waitwell.api.survey;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class SurveyAnswersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyAnswers surveys;

    @Test
    void aLaterSurveyAnswerIsKeptAndTheFirstStillCounts() throws Exception {
        String orderId = placed();
        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?)").param(orderId).update();

        assertThat(surveys.record(orderId, 5, "  great  ", SurveyAnswers.Via.SMS, "SMfirst" + orderId.hashCode())
                        .outcome())
                .isEqualTo(SurveyAnswers.Outcome.COUNTED);
        assertThat(surveys.record(orderId, 1, null, SurveyAnswers.Via.PAGE, "page-" + orderId)
                        .outcome())
                .isEqualTo(SurveyAnswers.Outcome.KEPT);
        assertThat(surveys.record(orderId, 1, null, SurveyAnswers.Via.PAGE, "page-" + orderId)
                        .outcome())
                .isEqualTo(SurveyAnswers.Outcome.REPEATED);
        assertThat(surveys.record("no-such-order", 3, null, SurveyAnswers.Via.PAGE, null)
                        .outcome())
                .isEqualTo(SurveyAnswers.Outcome.NOT_SENT);

        assertThat(jdbc.sql("SELECT score || '|' || comment || '|' || answered_via FROM surveys WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("5|great|SMS");
        assertThat(count("SELECT count(*) FROM survey_answers WHERE order_id = ?", orderId))
                .isEqualTo(2);
    }

    private String placed() throws Exception {
        String sku = unique("SURVEY");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10)))
                .andExpect(status().isCreated());
        String orderId = unique("survey");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
