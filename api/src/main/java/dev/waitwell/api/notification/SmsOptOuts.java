package dev.waitwell.api.notification;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may still get SMS: a number that said STOP (or that Twilio refused with error 21610) gets none for any order
 * until it says START; email goes on. {@code sms_opt_outs} holds each number as it stands, {@code
 * sms_opt_out_changes} every change with its cause (the inbound text's MessageSid, or the refused message), so the
 * same cause twice changes nothing. Each change is told on the timeline of the number's recent orders, where support
 * sees it.
 */
@Component
class SmsOptOuts {

    /** Twilio's error for a message to a number that replied STOP to the sending number. */
    static final String TWILIO_UNSUBSCRIBED = "21610";

    private static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    /** The orders whose timelines tell of a change: the number's most recent ones. */
    private static final int ORDERS_TOLD = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SmsOptOuts(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    boolean optedOut(String phone) {
        return jdbc.sql("SELECT opted_out FROM sms_opt_outs WHERE phone = ?")
                .param(phone)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** @return whether this changed anything: false for a number already in that state or a cause seen before */
    boolean byKeyword(String phone, boolean optedOut, String keyword, String messageSid) {
        String message = optedOut
                ? "The customer's number " + phone + " replied " + keyword + ": no more SMS to it for any order; "
                        + "email continues."
                : "The customer's number " + phone + " replied " + keyword + ": SMS to it resume.";
        return change(phone, optedOut, "KEYWORD", keyword, messageSid, message);
    }

    /** A status callback said Twilio refused the message {@code messageSid} with error 21610. */
    boolean refusedByTwilio(String phone, String messageSid) {
        return change(
                phone,
                true,
                "TWILIO_21610",
                null,
                TWILIO_UNSUBSCRIBED + "/" + messageSid,
                "Twilio refused an SMS to " + phone + ": the number opted out (error 21610). No more SMS go to it "
                        + "until it replies START; email continues.");
    }

    /** The number of the SMS Twilio knows as {@code messageSid}, if the worker recorded it. */
    Optional<String> recipientOf(String messageSid) {
        return jdbc.sql("SELECT recipient FROM notifications WHERE provider_id = ? AND channel = 'SMS' LIMIT 1")
                .param(messageSid)
                .query(String.class)
                .optional();
    }

    private boolean change(
            String phone, boolean optedOut, String source, String keyword, String cause, String message) {
        if (phone == null || !phone.matches(E164)) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            // One change of a number at a time, so that two texts at once cannot both find it opted in.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sms-opt-out'), hashtext(?))")
                    .param(phone)
                    .query((rs, row) -> row)
                    .list();
            boolean now = optedOut(phone);
            int recorded = jdbc.sql("""
                    INSERT INTO sms_opt_out_changes (phone, opted_out, source, keyword, cause)
                    SELECT :phone, :optedOut, :source, :keyword, :cause
                     WHERE :optedOut <> :now
                    ON CONFLICT (cause) DO NOTHING""")
                    .param("phone", phone)
                    .param("optedOut", optedOut)
                    .param("source", source)
                    .param("keyword", keyword, java.sql.Types.VARCHAR)
                    .param("cause", cause)
                    .param("now", now)
                    .update();
            if (recorded == 0) {
                return false;
            }
            jdbc.sql("""
                    INSERT INTO sms_opt_outs (phone, opted_out, source, keyword, changed_at)
                    VALUES (:phone, :optedOut, :source, :keyword, now())
                    ON CONFLICT (phone) DO UPDATE
                       SET opted_out = EXCLUDED.opted_out, source = EXCLUDED.source, keyword = EXCLUDED.keyword,
                           changed_at = EXCLUDED.changed_at""")
                    .param("phone", phone)
                    .param("optedOut", optedOut)
                    .param("source", source)
                    .param("keyword", keyword, java.sql.Types.VARCHAR)
                    .update();
            jdbc.sql("""
                    INSERT INTO order_events (order_id, event_key, type, message)
                    SELECT order_id, :eventKey, :type, :message
                      FROM (SELECT order_id FROM orders WHERE customer_phone = :phone
                             ORDER BY placed_at DESC LIMIT :told) recent
                    ON CONFLICT (order_id, event_key) DO NOTHING""")
                    .param("eventKey", "sms-opt-out/" + cause)
                    .param("type", optedOut ? "SMS_OPTED_OUT" : "SMS_OPTED_IN")
                    .param("message", message)
                    .param("phone", phone)
                    .param("told", ORDERS_TOLD)
                    .update();
            return true;
        }));
    }
}
