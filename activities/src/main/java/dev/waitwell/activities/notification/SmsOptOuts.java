package dev.waitwell.activities.notification;

import dev.waitwell.activities.order.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers that said STOP ({@code sms_opt_outs}, written by the API on an inbound text) get no SMS for any order;
 * a number Twilio refuses with error 21610 ("unsubscribed recipient") is recorded as opted out here, at send time,
 * with the change ({@code sms_opt_out_changes}, once per cause) and an event on the order's timeline.
 */
@Component
class SmsOptOuts {

    /** Twilio's error for a message to a number that replied STOP to the sending number. */
    static final int TWILIO_UNSUBSCRIBED = 21610;

    static final String OPTED_OUT = "opted out";

    private static final Logger log = LoggerFactory.getLogger(SmsOptOuts.class);
    private static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Timeline timeline;

    SmsOptOuts(JdbcClient jdbc, TransactionTemplate transactions, Timeline timeline) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeline = timeline;
    }

    boolean optedOut(String phone) {
        return jdbc.sql("SELECT opted_out FROM sms_opt_outs WHERE phone = ?")
                .param(phone)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Twilio refused an SMS of the order because the number opted out: no more SMS to it until it says START. The
     * same cause twice changes nothing.
     */
    void refusedByTwilio(String phone, String orderId, String cause) {
        if (phone == null || !phone.matches(E164)) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            int changed = jdbc.sql("""
                    INSERT INTO sms_opt_out_changes (phone, opted_out, source, cause)
                    VALUES (?, true, 'TWILIO_21610', ?) ON CONFLICT (cause) DO NOTHING""").params(phone, cause).update();
            if (changed == 0) {
                return;
            }
            jdbc.sql("""
                    INSERT INTO sms_opt_outs (phone, opted_out, source, keyword, changed_at)
                    VALUES (?, true, 'TWILIO_21610', NULL, now())
                    ON CONFLICT (phone) DO UPDATE
                       SET opted_out = true, source = 'TWILIO_21610', keyword = NULL, changed_at = now()""").param(phone).update();
            timeline.append(
                    orderId,
                    "sms-opt-out/" + cause,
                    "SMS_OPTED_OUT",
                    "Twilio refused an SMS to " + phone + ": the number opted out (error 21610). No more SMS go to "
                            + "it until it replies START; email continues.");
        });
        log.info("Order {}: Twilio refused an SMS with error 21610; the number is recorded as opted out", orderId);
    }
}
