package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything PostgreSQL records one order did, read straight from the tables: its payments, its ledger lines, its
 * messages and its timeline. Taken before and after a restart, two of these show what was added in between, and
 * whether anything happened twice under another key (a rebuilt run must continue the keys, never repeat a charge,
 * a posting, a message or a status).
 *
 * @param payments {@code kind|purpose|status|amount|key} of every charge attempt and refund
 * @param ledgerLines {@code kind|account|debit|credit|postingKey} of every line of the order's ledger transactions
 * @param notifications {@code template|channel|key} of every message
 * @param events {@code type|key|message} of every timeline entry, status changes included, oldest first
 */
record OrderRows(List<String> payments, List<String> ledgerLines, List<String> notifications, List<String> events) {

    static OrderRows of(RunningSystem system, String orderId) {
        try (Connection connection = system.database()) {
            return new OrderRows(
                    strings(connection, """
                            SELECT kind || '|' || purpose || '|' || status || '|' || amount_minor || '|' || idempotency_key
                              FROM payments WHERE order_id = ? ORDER BY id""", orderId),
                    strings(connection, """
                            SELECT t.kind || '|' || l.account || '|' || l.debit_minor || '|' || l.credit_minor
                                   || '|' || t.posting_key
                              FROM ledger_lines l JOIN ledger_transactions t ON t.id = l.transaction_id
                             WHERE t.order_id = ? ORDER BY l.id""", orderId),
                    strings(connection, """
                            SELECT template || '|' || channel || '|' || notification_key
                              FROM notifications WHERE order_id = ? ORDER BY id""", orderId),
                    strings(connection, """
                            SELECT type || '|' || event_key || '|' || message
                              FROM order_events WHERE order_id = ? ORDER BY id""", orderId));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of " + orderId, e);
        }
    }

    /**
     * The rows of each order once it is quiet: no message still queued or being sent, and the same rows twice in a row
     * a second apart (a workflow may still be writing its timeline after its status shows).
     */
    static Map<String, OrderRows> settled(RunningSystem system, List<String> orderIds) {
        Map<String, OrderRows> rows = new LinkedHashMap<>();
        RunningSystem.waitFor("the rows of " + orderIds.size() + " orders to settle", Duration.ofSeconds(60), () -> {
            Map<String, OrderRows> now = new LinkedHashMap<>();
            orderIds.forEach(id -> now.put(id, of(system, id)));
            boolean sending = orderIds.stream()
                    .anyMatch(id -> system.queryLong(
                                            "SELECT count(*) FROM notifications WHERE order_id = ? AND status = 'SENDING'",
                                            id)
                                    + system.queryLong(
                                            "SELECT count(*) FROM message_outbox WHERE order_id = ? AND outcome IS NULL",
                                            id)
                            > 0);
            boolean same = now.equals(rows);
            rows.clear();
            rows.putAll(now);
            if (!same || sending) {
                pause(Duration.ofSeconds(1));
                return false;
            }
            return true;
        });
        return Map.copyOf(rows);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rows this snapshot has that {@code earlier} had not; fails when a row of {@code earlier} is gone. */
    OrderRows since(OrderRows earlier) {
        assertThat(payments).as("payments kept").containsAll(earlier.payments);
        assertThat(ledgerLines).as("ledger lines kept").containsAll(earlier.ledgerLines);
        assertThat(notifications).as("messages kept").containsAll(earlier.notifications);
        assertThat(events).as("timeline kept").containsAll(earlier.events);
        return new OrderRows(
                minus(payments, earlier.payments),
                minus(ledgerLines, earlier.ledgerLines),
                minus(notifications, earlier.notifications),
                minus(events, earlier.events));
    }

    /** The types of the timeline entries ({@code STATUS_READY_TO_SHIP}, {@code PAYMENT_CHARGED}...), in order. */
    List<String> eventTypes() {
        return events.stream().map(event -> field(event, 0)).toList();
    }

    /** The statuses the order went through, in order, from its timeline. */
    List<String> statuses() {
        return eventTypes().stream()
                .filter(type -> type.startsWith("STATUS_"))
                .map(type -> type.substring("STATUS_".length()))
                .toList();
    }

    long succeededCharges(String purpose) {
        return payments.stream()
                .filter(p -> p.startsWith("CHARGE|" + purpose + "|SUCCEEDED|"))
                .count();
    }

    /** What the successful charges took, less what was refunded, in minor units. */
    long netPaid() {
        return payments.stream()
                .filter(p -> field(p, 2).equals("SUCCEEDED"))
                .mapToLong(p -> (field(p, 0).equals("CHARGE") ? 1 : -1) * Long.parseLong(field(p, 3)))
                .sum();
    }

    /** Debits less credits on {@code account} over the order's ledger lines. */
    long ledgerBalance(String account) {
        return ledgerLines.stream()
                .filter(line -> field(line, 1).equals(account))
                .mapToLong(line -> Long.parseLong(field(line, 2)) - Long.parseLong(field(line, 3)))
                .sum();
    }

    /**
     * Nothing happened twice under another key: one successful charge per purpose and one ledger posting per
     * payment, each message template sent once per channel, no timeline entry repeated (same type and text) and
     * no status change recorded twice in a row (same status and text); the order's cash in the ledger is what its
     * payments took.
     */
    void assertNothingTwice(String orderId) {
        Map<String, Long> charges = count(
                payments.stream()
                        .filter(p -> p.startsWith("CHARGE|") && field(p, 2).equals("SUCCEEDED")),
                p -> field(p, 1));
        assertThat(charges.values())
                .as(orderId + " successful charges per purpose " + payments)
                .allMatch(n -> n == 1);
        long succeeded =
                payments.stream().filter(p -> field(p, 2).equals("SUCCEEDED")).count();
        long postings = ledgerLines.stream()
                .filter(line -> !field(line, 0).equals("REVENUE"))
                .map(line -> after(line, 4))
                .distinct()
                .count();
        assertThat(postings)
                .as(orderId + " ledger postings of payments " + ledgerLines)
                .isEqualTo(succeeded);
        assertThat(ledgerBalance("cash")).as(orderId + " cash in the ledger").isEqualTo(netPaid());
        Map<String, Long> messages = count(notifications.stream(), n -> field(n, 0) + "|" + field(n, 1));
        assertThat(messages.values())
                .as(orderId + " messages per template and channel " + notifications)
                .allMatch(n -> n == 1);
        Map<String, Long> entries = count(
                events.stream().filter(e -> !field(e, 0).startsWith("STATUS_")), e -> field(e, 0) + "|" + after(e, 2));
        assertThat(entries.values()).as(orderId + " timeline entries " + events).allMatch(n -> n == 1);
        // A status may follow itself for a new reason (paid after a decline, then sent to the warehouse), but the same
        // change written again under another key repeats its text too.
        List<String> statusChanges = events.stream()
                .filter(e -> field(e, 0).startsWith("STATUS_"))
                .map(e -> field(e, 0) + "|" + after(e, 2))
                .toList();
        for (int i = 1; i < statusChanges.size(); i++) {
            assertThat(statusChanges.get(i))
                    .as(orderId + " status changes " + statusChanges)
                    .isNotEqualTo(statusChanges.get(i - 1));
        }
    }

    private static Map<String, Long> count(java.util.stream.Stream<String> rows, Function<String, String> by) {
        return rows.collect(Collectors.groupingBy(by, Collectors.counting()));
    }

    private static String field(String row, int index) {
        return row.split("\\|", -1)[index];
    }

    /** Everything from field {@code index} on (a key or a message may hold the separator). */
    private static String after(String row, int index) {
        String rest = row;
        for (int i = 0; i < index; i++) {
            rest = rest.substring(rest.indexOf('|') + 1);
        }
        return rest;
    }

    private static List<String> minus(List<String> rows, List<String> earlier) {
        Set<String> known = new HashSet<>(earlier);
        return rows.stream().filter(row -> !known.contains(row)).toList();
    }

    private static List<String> strings(Connection connection, String sql, String orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
