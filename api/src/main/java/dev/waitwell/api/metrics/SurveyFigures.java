package dev.waitwell.api.metrics;

import dev.waitwell.workflows.order.OrderKind;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The happiness survey's figures, all time, by order kind and {@code delayed} ({@code true} when the order's
 * promise slipped later or to unknown, or it waited for a decision on a delay: the metrics report's definition).
 * The counters (sent, responses by score) are registered at start; the average and the response rate only exist
 * once there is something to divide by, so that no series claims a score of 0.
 */
final class SurveyFigures {

    private static final List<String> DELAYED = List.of("true", "false");

    private SurveyFigures() {}

    static List<Series> known() {
        List<Series> known = new ArrayList<>();
        for (OrderKind kind : OrderKind.values()) {
            for (String delayed : DELAYED) {
                known.add(Series.of(Figure.SURVEYS_SENT, "delayed", delayed, "kind", kind.name()));
                for (int score = 1; score <= 5; score++) {
                    known.add(Series.of(
                            Figure.SURVEY_RESPONSES,
                            "delayed",
                            delayed,
                            "kind",
                            kind.name(),
                            "score",
                            Integer.toString(score)));
                }
            }
        }
        return known;
    }

    /** One grouped pass over the surveys (and one over promise_changes for the slipped orders). */
    static void read(JdbcClient jdbc, Map<Series, Double> figures) {
        Map<List<String>, long[]> groups = new HashMap<>(); // [kind, delayed] -> {surveys, responses, score sum}
        jdbc.sql("""
                SELECT o.kind,
                       (slipped.order_id IS NOT NULL OR EXISTS (
                            SELECT 1 FROM order_events e
                             WHERE e.order_id = s.order_id AND e.type = 'STATUS_AWAITING_DECISION')) AS delayed,
                       s.score, count(*)
                  FROM surveys s
                  JOIN orders o ON o.order_id = s.order_id
                  LEFT JOIN (SELECT DISTINCT order_id FROM promise_changes
                              WHERE previous_date IS NOT NULL AND (new_date IS NULL OR new_date > previous_date)) slipped
                         ON slipped.order_id = s.order_id
                 GROUP BY 1, 2, 3""").query((ResultSet rs) -> {
            String kind = rs.getString(1);
            String delayed = Boolean.toString(rs.getBoolean(2));
            int score = rs.getInt(3);
            boolean answered = !rs.wasNull();
            long count = rs.getLong(4);
            long[] group = groups.computeIfAbsent(List.of(kind, delayed), key -> new long[3]);
            group[0] += count;
            figures.merge(
                    Series.of(Figure.SURVEYS_SENT, "delayed", delayed, "kind", kind), (double) count, Double::sum);
            if (answered) {
                group[1] += count;
                group[2] += count * score;
                figures.merge(
                        Series.of(
                                Figure.SURVEY_RESPONSES,
                                "delayed",
                                delayed,
                                "kind",
                                kind,
                                "score",
                                Integer.toString(score)),
                        (double) count,
                        Double::sum);
            }
        });
        groups.forEach((key, group) -> {
            String[] labels = {"delayed", key.get(1), "kind", key.get(0)};
            figures.put(Series.of(Figure.SURVEY_RESPONSE_RATE, labels), (double) group[1] / group[0]);
            if (group[1] > 0) {
                figures.put(Series.of(Figure.SATISFACTION_AVERAGE, labels), (double) group[2] / group[1]);
            }
        });
    }
}
