package dev.waitwell.api.delay;

import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions read back from timelines as the order workflow writes them (DelayDecisions, PromiseKeeper, OrderPhases and the
 * switch activity): the cases the HTTP story test does not reach, silence, a failed and a successful switch, and a
 * cancellation for want of an answer.
 */
@ApiTest
class DelayHistoryTest {

    @Autowired
    DelayHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsSilenceAFailedSwitchAndASwitchBySupportWithTheirDelays() {
        String orderId = order();
        event(
                orderId,
                "status-3",
                "STATUS_AWAITING_DECISION",
                "Waiting for the customer's choice on delay 1 until "
                        + "2026-11-20T10:00:00Z (no answer counts as waiting)");
        event(orderId, "event-4", "DELAY_DECIDED", "WAIT decided by silence (no answer within the window)");
        jdbc.sql("INSERT INTO reward_codes (code, order_id, delay_number, percent) VALUES (?, ?, 1, 10)")
                .params("WAIT-" + orderId.substring(orderId.length() - 8).toUpperCase(), orderId)
                .update();
        event(orderId, "status-5", "STATUS_AWAITING_STOCK", "The customer waits for 2026-12-01; reward code ...");
        event(
                orderId,
                "status-6",
                "STATUS_AWAITING_DECISION",
                "Waiting for the customer's choice on delay 2 until " + "2026-12-20T10:00:00Z (no answer cancels)");
        event(orderId, "event-7", "DELAY_DECIDED", "SWITCH decided by customer");
        event(
                orderId,
                "event-8",
                "SWITCH_FAILED",
                "ALT-9 could not be switched to: ALT-9 has 0 units free, 1 needed;" + " the decision stays open");
        event(orderId, "event-9", "DELAY_DECIDED", "SWITCH decided by support (customer called (twice))");
        event(orderId, "switch/ALT-8", "SWITCHED", "Switched from KETTLE-1 to ALT-8: 1 units allocated from stock");

        assertThat(history.decisionsOf(orderId))
                .extracting(
                        DecisionRecord::delayNumber,
                        DecisionRecord::choice,
                        DecisionRecord::decidedBy,
                        DecisionRecord::via,
                        DecisionRecord::note,
                        DecisionRecord::alternativeSku,
                        DecisionRecord::carriedOut)
                .containsExactly(
                        tuple(1, "WAIT", "silence", "NO_ANSWER", "no answer within the window", null, true),
                        tuple(2, "SWITCH", "customer", "LINK", null, "ALT-9", false),
                        tuple(2, "SWITCH", "support", "STAFF", "customer called (twice)", "ALT-8", true));
        assertThat(history.decisionsOf(orderId).get(0).rewardCode()).startsWith("WAIT-");
        assertThat(history.decisionsOf(orderId).get(1).rewardCode()).isNull();
    }

    @Test
    void readsACancellationForWantOfAnAnswerAsTheWindowsDecision() {
        String orderId = order();
        event(
                orderId,
                "status-3",
                "STATUS_AWAITING_DECISION",
                "Waiting for the customer's choice on delay 1 until " + "2026-11-20T10:00:00Z (no answer cancels)");
        event(
                orderId,
                "status-4",
                "STATUS_CANCELLED",
                "Cancelled by system: no answer to the delay notice within PT168H; refunded EUR 40.00");

        assertThat(history.decisionsOf(orderId))
                .extracting(
                        DecisionRecord::delayNumber,
                        DecisionRecord::choice,
                        DecisionRecord::decidedBy,
                        DecisionRecord::via,
                        DecisionRecord::note)
                .containsExactly(
                        tuple(1, "CANCEL", "system", "NO_ANSWER", "no answer to the delay notice within PT168H"));
    }

    @Test
    void aCancellationByStaffIsNoDelayDecision() {
        String orderId = order();
        event(orderId, "status-3", "STATUS_CANCELLED", "Cancelled by support: customer asked; refunded EUR 40.00");

        assertThat(history.decisionsOf(orderId)).isEmpty();
    }

    private String order() {
        String sku = unique("HIST");
        jdbc.sql("INSERT INTO products (sku, name, price_minor, currency) VALUES (?, 'Kettle', 4000, 'EUR')")
                .param(sku)
                .update();
        String orderId = unique("hist");
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, customer_id,
                                    link_expires_at)
                VALUES (?, 'h', 'BACKORDER', 'AWAITING_STOCK', ?, 1, 'FULL', 'pm_card_visa', 'EUR', 4000, 4000, 4000,
                        'c-1', now())""").params(orderId, sku).update();
        return orderId;
    }

    private void event(String orderId, String key, String type, String message) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, ?, ?)")
                .params(orderId, key, type, message)
                .update();
    }
}
