package dev.waitwell.activities.survey;

import dev.waitwell.workflows.survey.SurveyActivities;
import dev.waitwell.workflows.survey.SurveyOpened;
import dev.waitwell.workflows.survey.SurveyOpening;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a survey once: the row is inserted if missing ({@code ON CONFLICT DO NOTHING}), so a retried or repeated
 * activity keeps the first {@code sent_at}. The number's opt-out is read at the same moment, just before the
 * message goes: a STOP received since the order shipped is honoured.
 */
@Component("surveyActivities")
class SurveyActivitiesImpl implements SurveyActivities {

    private final JdbcClient jdbc;

    SurveyActivitiesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SurveyOpened open(SurveyOpening opening) {
        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?) ON CONFLICT (order_id) DO NOTHING")
                .param(opening.orderId())
                .update();
        return new SurveyOpened(optedOut(opening.phone()));
    }

    private boolean optedOut(String phone) {
        if (phone == null || phone.isBlank()) {
            return false;
        }
        return jdbc.sql("SELECT opted_out FROM sms_opt_outs WHERE phone = ?")
                .param(phone.strip())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
