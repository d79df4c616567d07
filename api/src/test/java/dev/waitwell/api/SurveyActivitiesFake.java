package dev.waitwell.api;

import dev.waitwell.workflows.survey.SurveyActivities;
import dev.waitwell.workflows.survey.SurveyOpened;
import dev.waitwell.workflows.survey.SurveyOpening;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens surveys in the test database and reads opt-outs there, as the worker's activity does. */
public class SurveyActivitiesFake implements SurveyActivities {

    private final JdbcClient jdbc;

    SurveyActivitiesFake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SurveyOpened open(SurveyOpening opening) {
        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?) ON CONFLICT (order_id) DO NOTHING")
                .param(opening.orderId())
                .update();
        boolean optedOut = opening.phone() != null
                && jdbc.sql("SELECT opted_out FROM sms_opt_outs WHERE phone = ?")
                        .param(opening.phone())
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
        return new SurveyOpened(optedOut);
    }
}
