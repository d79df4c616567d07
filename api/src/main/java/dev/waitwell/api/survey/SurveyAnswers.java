package dev.waitwell.api.survey;

import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a customer's answer to an order's survey, however it came (an SMS, the customer's page). The first answer
 * counts: it sets the survey's score, comment, time and channel. Every answer, the first included, is kept in
 * {@code survey_answers}; one carrying a {@code sourceId} already kept (a retried delivery of the same text, the same
 * page request again) changes nothing.
 */
@Component
public class SurveyAnswers {

    /** How long after it was sent a survey awaits an answer by SMS. */
    public static final String ANSWERABLE_FOR = "30 days";

    public static final String VIA_SMS = "SMS";
    public static final String VIA_PAGE = "PAGE";

    private static final int MAX_COMMENT = 1000;

    /** What became of an answer. */
    public enum Outcome {
        /** The first answer: the survey's score now. */
        COUNTED,
        /** A later answer: kept, the first still counts. */
        KEPT,
        /** The same {@code sourceId} was recorded before: nothing changed. */
        REPEATED,
        /** The order has no survey: nothing recorded. */
        NO_SURVEY
    }

    private final JdbcClient jdbc;

    SurveyAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param score 1 to 5
     * @param comment what the customer wrote besides the score, or null; cut to 1,000 characters
     * @param via {@link #VIA_SMS} or {@link #VIA_PAGE}
     * @param sourceId the inbound text's MessageSid, or the page request's own id (at most 64 characters)
     */
    @Transactional
    public Outcome record(String orderId, int score, String comment, String via, String sourceId) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a survey score is 1 to 5, not " + score);
        }
        String kept = comment == null || comment.isBlank()
                ? null
                : comment.strip().substring(0, Math.min(comment.strip().length(), MAX_COMMENT));
        // The survey row first, locked: two answers at once cannot both be first.
        Optional<Boolean> survey = jdbc.sql("SELECT score IS NULL FROM surveys WHERE order_id = ? FOR UPDATE")
                .param(orderId)
                .query(Boolean.class)
                .optional();
        if (survey.isEmpty()) {
            return Outcome.NO_SURVEY;
        }
        int inserted = jdbc.sql("""
                INSERT INTO survey_answers (order_id, score, comment, via, source_id)
                VALUES (:orderId, :score, :comment, :via, :sourceId)
                ON CONFLICT (source_id) DO NOTHING""")
                .param("orderId", orderId)
                .param("score", score)
                .param("comment", kept, Types.VARCHAR)
                .param("via", via)
                .param("sourceId", sourceId, Types.VARCHAR)
                .update();
        if (inserted == 0) {
            return Outcome.REPEATED;
        }
        int first = jdbc.sql("""
                UPDATE surveys SET score = :score, comment = :comment, answered_at = now(), answered_via = :via
                 WHERE order_id = :orderId AND score IS NULL""")
                .param("score", score)
                .param("comment", kept, Types.VARCHAR)
                .param("via", via)
                .param("orderId", orderId)
                .update();
        return first == 1 ? Outcome.COUNTED : Outcome.KEPT;
    }

    /**
     * The order whose survey, sent to this number within {@link #ANSWERABLE_FOR}, still awaits its answer: the most
     * recently sent one.
     */
    public Optional<String> awaitingFrom(String phone) {
        return jdbc.sql("""
                SELECT s.order_id FROM surveys s JOIN orders o ON o.order_id = s.order_id
                 WHERE o.customer_phone = ? AND s.score IS NULL
                   AND s.sent_at > now() - CAST(? AS interval)
                 ORDER BY s.sent_at DESC LIMIT 1""").params(phone, ANSWERABLE_FOR).query(String.class).optional();
    }
}
