package dev.waitwell.api.survey;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a customer's answer to their order's survey, from the page or an SMS reply. Every answer is kept in
 * {@code survey_answers} (once per {@code sourceId}: a retried delivery adds nothing); the first one counts: it
 * fills the survey's score, comment and answer time ({@code WHERE score IS NULL}, so of two at once one wins), and
 * later ones never change it.
 */
@Component
public class SurveyAnswers {

    /** Where an answer came from: the CHECK of {@code survey_answers.via}. */
    public enum Via {
        SMS,
        PAGE
    }

    /** How long after it was sent a survey awaits an answer by SMS. */
    public static final String ANSWERABLE_FOR = "30 days";

    /** What became of an answer. */
    public enum Outcome {
        /** No survey was sent for the order: nothing recorded. */
        NOT_SENT,
        /** The first answer: it counts. */
        COUNTED,
        /** A later answer: kept, the first still counts. */
        KEPT,
        /** This very answer (its source id) was recorded before: nothing more. */
        REPEATED
    }

    private final JdbcClient jdbc;
    private final Surveys surveys;

    SurveyAnswers(JdbcClient jdbc, Surveys surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    /**
     * @param score 1 to 5
     * @param comment blank is none; cut to 1,000 characters
     * @param sourceId the inbound text's MessageSid or the page request's own id, at most 64 characters
     * @return the outcome, and the survey as it stands after it
     */
    @Transactional
    public Answered record(String orderId, int score, String comment, Via via, String sourceId) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a score is 1 to 5, not " + score);
        }
        // The page refuses a longer comment (400); a text message may run to 1,600 characters: keep its start.
        String stripped = comment == null || comment.isBlank() ? null : comment.strip();
        String kept = stripped == null ? null : stripped.substring(0, Math.min(stripped.length(), Surveys.MAX_COMMENT));
        if (!surveys.sent(orderId)) {
            return new Answered(Outcome.NOT_SENT, Optional.empty());
        }
        int added =
                jdbc.sql("""
                        INSERT INTO survey_answers (order_id, score, comment, via, source_id)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id) DO NOTHING""").params(orderId, score, kept, via.name(), sourceId).update();
        if (added == 0) {
            return new Answered(Outcome.REPEATED, surveys.of(orderId));
        }
        int counted = jdbc.sql("""
                        UPDATE surveys SET score = ?, comment = ?, answered_at = now(), answered_via = ?
                         WHERE order_id = ? AND score IS NULL""").params(score, kept, via.name(), orderId).update();
        return new Answered(counted == 1 ? Outcome.COUNTED : Outcome.KEPT, surveys.of(orderId));
    }

    /** An answer's outcome and the order's survey after it (empty when none was sent). */
    public record Answered(Outcome outcome, Optional<Surveys.Survey> survey) {}

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
