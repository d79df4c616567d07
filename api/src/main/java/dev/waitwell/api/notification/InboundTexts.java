package dev.waitwell.api.notification;

import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The texts customers sent ({@code sms_inbound}), one per Twilio MessageSid: claimed before anything is done, so that
 * a retried delivery of the same text finds its row and acts no second time, then answered with what it was read as,
 * the order it concerned, what came of it and the reply, which a retry is given again.
 */
@Component
class InboundTexts {

    private static final int MAX_BODY = 1600;

    /** A text claimed before: {@code reply} is null while the first delivery is still being handled. */
    record Earlier(String reply) {}

    /** What came of a text. {@code orderId} may be null; {@code reply} null for an empty answer. */
    record Answer(SmsKeyword keyword, String orderId, String outcome, String reply) {}

    private final JdbcClient jdbc;

    InboundTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return empty when this text is new (it is claimed now), else what its first delivery answered */
    Optional<Earlier> claim(String messageSid, String phone, String body) {
        int claimed =
                jdbc.sql("""
                INSERT INTO sms_inbound (message_sid, phone, body) VALUES (?, ?, ?)
                ON CONFLICT (message_sid) DO NOTHING""").params(messageSid, phone, cut(body, MAX_BODY)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT reply FROM sms_inbound WHERE message_sid = ?")
                .param(messageSid)
                .query((rs, row) -> new Earlier(rs.getString("reply")))
                .single());
    }

    void answer(String messageSid, Answer answer) {
        jdbc.sql("""
                UPDATE sms_inbound SET keyword = :keyword, order_id = :orderId, outcome = :outcome, reply = :reply,
                                       answered_at = now()
                 WHERE message_sid = :sid""")
                .param("keyword", answer.keyword().name())
                .param("orderId", answer.orderId(), Types.VARCHAR)
                .param("outcome", cut(answer.outcome(), 500), Types.VARCHAR)
                .param("reply", answer.reply() == null ? "" : cut(answer.reply(), MAX_BODY))
                .param("sid", messageSid)
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
