package dev.waitwell.api.delay;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An order's delays: how its promise moved, and how each delay was decided. Decisions are read from the timeline
 * the order's workflow writes ({@code order_events}): it is the one record of every decision, whoever took it,
 * silence included. Its messages are the workflow's own and fixed (old histories replay them as they were):
 * {@code DELAY_DECIDED} "{choice} decided by {who}[ ({note})]", then {@code SWITCHED} (key {@code switch/{sku}})
 * or {@code SWITCH_FAILED} "{sku} could not be switched to: ..." after a switch, and a cancellation for want
 * of an answer "Cancelled by system: no answer to the delay notice ...".
 */
@Component
public class DelayHistory {

    private static final Pattern DECIDED =
            Pattern.compile("^(WAIT|SWITCH|CANCEL) decided by (.+?)(?: \\((.*)\\))?$", Pattern.DOTALL);
    private static final Pattern SWITCH_FAILED = Pattern.compile("^(\\S+) could not be switched to");
    private static final Pattern NO_ANSWER_CANCELLED = Pattern.compile(
            "^Cancelled by system: (no answer to the delay notice.*?)(?:; refunded [A-Z]{3} [0-9.]+)?$",
            Pattern.DOTALL);

    private final JdbcClient jdbc;

    DelayHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    public List<PromiseChangeRecord> promiseChangesOf(String orderId) {
        return jdbc.sql("""
                SELECT r.created_at AS at, c.previous_date, c.new_date, c.reason, c.review_id
                  FROM promise_changes c JOIN promise_reviews r ON r.review_id = c.review_id
                 WHERE c.order_id = ?
                 ORDER BY r.created_at, c.id""").param(orderId).query(PromiseChangeRecord.class).list();
    }

    /** Oldest first. */
    public List<DecisionRecord> decisionsOf(String orderId) {
        List<Event> events = jdbc.sql("""
                SELECT at, type, event_key, message FROM order_events
                 WHERE order_id = ? AND type IN ('STATUS_AWAITING_DECISION', 'DELAY_DECIDED', 'SWITCHED',
                                                 'SWITCH_FAILED', 'STATUS_CANCELLED')
                 ORDER BY id""").param(orderId).query(Event.class).list();
        Map<Integer, String> rewards = jdbc
                .sql("SELECT delay_number, code FROM reward_codes WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> Map.entry(rs.getInt("delay_number"), rs.getString("code")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return read(events, rewards);
    }

    private static List<DecisionRecord> read(List<Event> events, Map<Integer, String> rewards) {
        List<DecisionRecord> decisions = new ArrayList<>();
        int delays = 0;
        for (Event event : events) {
            Integer delay = delays == 0 ? null : delays;
            switch (event.type()) {
                case "STATUS_AWAITING_DECISION" -> delays++;
                case "DELAY_DECIDED" -> decisions.add(decided(event, delay, rewards));
                case "SWITCHED" -> amendSwitch(decisions, event.eventKey().substring("switch/".length()), true);
                case "SWITCH_FAILED" -> {
                    Matcher failed = SWITCH_FAILED.matcher(event.message());
                    amendSwitch(decisions, failed.find() ? failed.group(1) : null, false);
                }
                default -> {
                    Matcher unanswered = NO_ANSWER_CANCELLED.matcher(event.message());
                    if (unanswered.matches()) {
                        decisions.add(new DecisionRecord(
                                delay,
                                event.at(),
                                "CANCEL",
                                "system",
                                "NO_ANSWER",
                                unanswered.group(1),
                                null,
                                null,
                                true));
                    }
                }
            }
        }
        return decisions;
    }

    private static DecisionRecord decided(Event event, Integer delay, Map<Integer, String> rewards) {
        Matcher decided = DECIDED.matcher(event.message());
        if (!decided.matches()) {
            return new DecisionRecord(delay, event.at(), null, null, null, event.message(), null, null, true);
        }
        String choice = decided.group(1);
        String by = decided.group(2);
        String via = switch (by) {
            case "customer" -> "LINK";
            case "silence" -> "NO_ANSWER";
            default -> "STAFF";
        };
        DecisionRecord record =
                new DecisionRecord(delay, event.at(), choice, by, via, decided.group(3), null, null, true);
        return "WAIT".equals(choice) && delay != null ? record.withRewardCode(rewards.get(delay)) : record;
    }

    /** The switch's outcome comes right after its decision. */
    private static void amendSwitch(List<DecisionRecord> decisions, String sku, boolean done) {
        int last = decisions.size() - 1;
        if (last >= 0 && "SWITCH".equals(decisions.get(last).choice())) {
            decisions.set(last, decisions.get(last).switchedTo(sku, done));
        }
    }

    private record Event(OffsetDateTime at, String type, String eventKey, String message) {}
}
