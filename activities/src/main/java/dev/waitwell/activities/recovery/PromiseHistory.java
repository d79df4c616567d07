package dev.waitwell.activities.recovery;

import dev.waitwell.activities.recovery.OrderRows.Change;
import dev.waitwell.activities.recovery.OrderRows.Event;
import dev.waitwell.activities.recovery.OrderRows.Message;
import dev.waitwell.workflows.delay.DelayRules;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.order.PlaceOrderInput;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order's promise as its timeline, messages and reward codes record it: the delays, improvements and reminders
 * numbered so far (their message keys must never repeat), the changes handled, the release moment now, and a delay
 * decision that waits on the customer with the deadline it was given.
 */
final class PromiseHistory {

    private static final String PROMISE = "PROMISE";
    private static final String DELAYED = "Delayed:";
    private static final String IMPROVED = "Good news:";
    private static final String CHANGE_KEY = "promise/";
    private static final Pattern DELAY_REASON =
            Pattern.compile("(?s)Delayed: now (?:no date can be promised|promised for \\S+) \\((.*)\\)");
    /** The status message of an open decision, as {@code DelayDecisions} writes it. */
    private static final Pattern DECISION = Pattern.compile(
            "(?s)Waiting for the customer's choice on delay (\\d+) until (\\S+) \\((no answer counts as waiting|no answer cancels)\\)");

    private final PlaceOrderInput checkout;
    private final OrderRows rows;

    PromiseHistory(PlaceOrderInput checkout, OrderRows rows) {
        this.checkout = checkout;
        this.rows = rows;
    }

    /** Delays numbered: slipped promises recorded, delay notices sent, decisions opened (the highest of them). */
    int delays() {
        int opened = 0;
        for (Event status : rows.eventsOf("STATUS_AWAITING_DECISION")) {
            Matcher decision = DECISION.matcher(status.message());
            if (decision.matches()) {
                opened = Math.max(opened, Integer.parseInt(decision.group(1)));
            }
        }
        return Math.max(Math.max(promises(DELAYED).size(), highestMessage("DELAY_NOTICE")), opened);
    }

    /** Improvements numbered: earlier promises recorded, or their messages. */
    int improvements() {
        return Math.max(promises(IMPROVED).size(), highestMessage("PROMISE_IMPROVED"));
    }

    int reminders() {
        return highestMessage("WAIT_REMINDER");
    }

    /** When the last wait reminder went; with none, the confirmation; with no message at all, the checkout. */
    Instant lastReminderAt() {
        String last = "WAIT_REMINDER-" + reminders();
        return message(key -> key.equals(last))
                .or(() -> message(key -> key.equals("CONFIRMED")))
                .orElse(rows.order().placedAt());
    }

    /** Decisions carried out (WAIT, SWITCH) or whose switch failed: every DELAY_DECIDED but a CANCEL. */
    int decisionsSettled() {
        return (int) rows.eventsOf("DELAY_DECIDED").stream()
                .filter(event -> !event.message().startsWith("CANCEL "))
                .count();
    }

    /** The promise changes handled (their ids, from the keys of the promises they recorded). */
    List<String> seenChangeIds() {
        return rows.eventsOf(PROMISE).stream()
                .map(Event::key)
                .filter(key -> key.startsWith(CHANGE_KEY))
                .map(key -> key.substring(CHANGE_KEY.length()))
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Pre-orders: the release moment now. Checkout's, moved by each change the order handled as the workflow moves
     * it: to the change's new release moment, or to none when a change left no date before the release.
     */
    Instant releaseAt(boolean released) {
        if (checkout.kind() != OrderKind.PREORDER) {
            return null;
        }
        Instant releaseAt = checkout.releaseAt();
        for (Event promise : rows.eventsOf(PROMISE)) {
            String changeId =
                    promise.key().startsWith(CHANGE_KEY) ? promise.key().substring(CHANGE_KEY.length()) : "";
            Change change = rows.promiseChanges().get(changeId);
            if (change != null && change.newReleaseAt() != null) {
                releaseAt = change.newReleaseAt();
            } else if ((change == null || change.newDate() == null) && !released) {
                releaseAt = null;
            }
        }
        return releaseAt;
    }

    /**
     * The decision an order in {@code AWAITING_DECISION} waits for: the latest delay, to the date promised now, with
     * the deadline and silence rule its status recorded and the choices the delay rules offer for it.
     */
    OpenDecision openDecision() {
        List<Event> opened = rows.eventsOf("STATUS_AWAITING_DECISION");
        if (opened.isEmpty()) {
            return null;
        }
        Event status = opened.get(opened.size() - 1);
        int delayNumber = delays();
        DelayRules.Offer offer = DelayRules.offer(
                delayNumber,
                rows.order().promisedDate(),
                checkout.promisedDate(),
                checkout.latestAcceptableDate(),
                checkout.policy().silentConsentLimit());
        Matcher recorded = DECISION.matcher(status.message());
        boolean parsed = recorded.matches();
        return new OpenDecision(
                delayNumber,
                rows.order().promisedDate(),
                delayReason(),
                offer.choices(),
                parsed
                        ? Instant.parse(recorded.group(2))
                        : status.at().plus(checkout.policy().decisionWindow()),
                parsed ? recorded.group(3).equals("no answer counts as waiting") : offer.silenceMeansWait());
    }

    private String delayReason() {
        List<Event> delays = promises(DELAYED);
        Matcher reason = delays.isEmpty()
                ? null
                : DELAY_REASON.matcher(delays.get(delays.size() - 1).message());
        return reason != null && reason.matches() ? reason.group(1) : "the promised date moved";
    }

    private List<Event> promises(String prefix) {
        return rows.eventsOf(PROMISE).stream()
                .filter(event -> event.message().startsWith(prefix))
                .toList();
    }

    private int highestMessage(String milestone) {
        Pattern numbered = Pattern.compile(Pattern.quote(milestone) + "-(\\d+)");
        return PaymentHistory.highestNumber(
                rows.messages().stream().map(Message::key).toList(), numbered);
    }

    private Optional<Instant> message(Predicate<String> key) {
        return rows.messages().stream()
                .filter(message -> key.test(message.key()))
                .map(Message::createdAt)
                .max(Comparator.naturalOrder());
    }
}
