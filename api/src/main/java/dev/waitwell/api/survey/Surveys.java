package dev.waitwell.api.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an order's survey: whether it was sent, and the answer that counts. */
@Component
public class Surveys {

    /** The longest comment kept (the CHECK of {@code surveys.comment}). */
    public static final int MAX_COMMENT = 1000;

    private final JdbcClient jdbc;

    Surveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean sent(String orderId) {
        return jdbc.sql("SELECT count(*) FROM surveys WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Survey> of(String orderId) {
        return jdbc.sql("SELECT order_id, sent_at, score, comment, answered_at, answered_via FROM surveys "
                        + "WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> new Survey(
                        rs.getString("order_id"),
                        rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject("score", Integer.class),
                        rs.getString("comment"),
                        Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getString("answered_via")))
                .optional();
    }

    /**
     * An order's survey. {@code score}, {@code comment}, {@code answeredAt} and {@code answeredVia} are the first
     * answer's, null until there is one ({@code comment} may stay null).
     */
    public record Survey(
            String orderId, Instant sentAt, Integer score, String comment, Instant answeredAt, String answeredVia) {

        public boolean answered() {
            return score != null;
        }
    }
}
