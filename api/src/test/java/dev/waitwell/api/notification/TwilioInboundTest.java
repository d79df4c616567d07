package dev.waitwell.api.notification;

import static dev.waitwell.api.notification.InboundSms.TOKEN;
import static dev.waitwell.api.notification.InboundSms.URL;
import static dev.waitwell.api.notification.InboundSms.newPhone;
import static dev.waitwell.api.notification.InboundSms.newSid;
import static dev.waitwell.api.notification.InboundSms.signed;
import static dev.waitwell.api.notification.InboundSms.text;
import static dev.waitwell.api.notification.InboundSms.unsigned;
import static dev.waitwell.api.notification.InboundSms.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.twilio.security.RequestValidator;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.survey.SurveyAnswers;
import dev.waitwell.messages.SmsSegments;
import dev.waitwell.workflows.notification.SmsReplyCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #14: customers text the shop's Twilio number, and what they ask is done as their link would do it. */
@ApiTest
class TwilioInboundTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    SurveyAnswers surveys;

    InboundSms sms;

    @BeforeEach
    void texts() {
        sms = new InboundSms(mvc, jdbc, activities);
    }

    @Test
    void signsAsTwiliosOwnValidatorChecks() {
        Map<String, String> form = text("SM1", "+14155550123", "STATUS");

        assertThat(new RequestValidator(TOKEN).validate(URL, form, TwilioSignature.of(TOKEN, URL, values(form))))
                .isTrue();
    }

    @Test
    void refusesAForgedTextAndChangesNothing() throws Exception {
        String phone = newPhone();
        String sid = newSid();
        Map<String, String> stop = text(sid, phone, "STOP");

        mvc.perform(unsigned(stop))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        mvc.perform(unsigned(stop).header("X-Twilio-Signature", TwilioSignature.of("another-token", URL, values(stop))))
                .andExpect(status().isForbidden());
        // signed, then tampered with
        Map<String, String> start = text(sid, phone, "START");
        mvc.perform(unsigned(stop).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(start))))
                .andExpect(status().isForbidden());

        assertThat(count("SELECT count(*) FROM sms_inbound WHERE message_sid = ?", sid))
                .isZero();
        assertThat(count("SELECT count(*) FROM sms_opt_out_changes WHERE phone = ?", phone))
                .isZero();
    }

    @Test
    void waitDecidesTheOpenDelayAsTheLinkDoesWithTheRewardAndTheAuditOnce() throws Exception {
        String phone = newPhone();
        InboundSms.Waiting waiting = sms.waitingOrders(phone, 1);
        sms.slip(waiting);
        String orderId = waiting.orderIds().get(0);
        String sid = newSid();

        String first = mvc.perform(signed(text(sid, phone, " wait ")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String replayed = sms.send(sid, phone, " wait ");

        assertThat(first)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>")
                .contains("Order " + orderId + " keeps waiting", "Your reward code: WAIT-")
                .endsWith("</Message></Response>");
        assertThat(replayed).as("a retried delivery is answered as the first").isEqualTo(first);
        assertThat(jdbc.sql("SELECT username || ' ' || action || ' ' || details || ' ' || client_address "
                                + "FROM staff_actions WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("customer DELAY_DECIDED WAIT sms:" + phone);
        assertThat(count("SELECT count(*) FROM reward_codes WHERE order_id = ?", orderId))
                .isEqualTo(1);
        sms.awaitStatus(orderId, "AWAITING_STOCK");
        assertThat(jdbc.sql(
                                "SELECT keyword || '|' || order_id || '|' || outcome FROM sms_inbound WHERE message_sid = ?")
                        .param(sid)
                        .query(String.class)
                        .single())
                .isEqualTo("WAIT|" + orderId + "|decided WAIT");
    }

    @Test
    void withSeveralOpenDecisionsTheReplyAsksWhichOrderAndTheCodeDecidesThatOne() throws Exception {
        String phone = newPhone();
        InboundSms.Waiting waiting = sms.waitingOrders(phone, 2);
        sms.slip(waiting);
        String first = waiting.orderIds().get(0);
        String second = waiting.orderIds().get(1);

        String asked = sms.send(newSid(), phone, "CANCEL");

        assertThat(asked)
                .contains(
                        "2 orders wait for your choice; nothing was changed",
                        "CANCEL " + SmsReplyCode.of(first) + " for order " + first,
                        "CANCEL " + SmsReplyCode.of(second) + " for order " + second);
        assertThat(count("SELECT count(*) FROM staff_actions WHERE order_id IN (?, ?)", first, second))
                .isZero();
        assertThat(count("SELECT count(*) FROM sms_opt_out_changes WHERE phone = ?", phone))
                .as("CANCEL with decisions open is no STOP")
                .isZero();

        String decided = sms.send(newSid(), phone, "cancel " + SmsReplyCode.of(second));

        assertThat(decided).contains("order " + second + " is cancelled; everything you paid is refunded");
        sms.awaitStatus(second, "CANCELLED");
        sms.awaitStatus(first, "AWAITING_DECISION");
        assertThat(count("SELECT count(*) FROM staff_actions WHERE order_id = ?", first))
                .isZero();
    }

    @Test
    void helpSaysWhoWeAreAndHowToStopInEscapedXml() throws Exception {
        String reply = sms.send(newSid(), newPhone(), "help");

        assertThat(reply)
                .contains(
                        "<Message>Waitwell Demo Shop: texts about your orders",
                        "STOP to get no more texts",
                        "Msg &amp; data");
    }

    @Test
    void statusListsTheOpenOrdersWithStatusAndPromisedDate() throws Exception {
        String phone = newPhone();
        InboundSms.Waiting waiting = sms.waitingOrders(phone, 2);

        String reply = sms.send(newSid(), phone, "STATUS");

        assertThat(reply)
                .contains(
                        waiting.orderIds().get(1) + " awaiting stock, due ",
                        waiting.orderIds().get(0) + " awaiting stock, due ");
        assertThat(sms.send(newSid(), newPhone(), "status")).contains("we found no order for this number");
    }

    @Test
    void aGermanCustomerIsAnsweredInGermanWithTheDatesAsGermanWritesThem() throws Exception {
        String phone = newPhone();
        String orderId = sms.waitingOrders(phone, 1, "de-DE").orderIds().get(0);
        LocalDate promised = jdbc.sql("SELECT promised_date FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(LocalDate.class)
                .single();

        String status = message(sms.send(newSid(), phone, "STATUS"));
        String help = message(sms.send(newSid(), phone, "help"));

        assertThat(status)
                .isEqualTo("Waitwell Demo Shop: " + orderId + " wartet auf Ware, Lieferung bis "
                        + promised.format(DateTimeFormatter.ofPattern("dd.MM.yy")) + ".");
        assertThat(help)
                .startsWith("Waitwell Demo Shop: SMS zu Ihren Bestellungen. Antworten Sie STATUS für Ihre offenen "
                        + "Bestellungen")
                .contains("STOP, um keine SMS mehr zu erhalten");
        assertThat(List.of(status, help))
                .allSatisfy(reply -> assertThat(SmsSegments.count(reply)).isLessThanOrEqualTo(2));
        assertThat(message(sms.send(newSid(), newPhone(), "HELP")))
                .as("a number without orders is answered in the shop's language")
                .startsWith("Waitwell Demo Shop: texts about your orders");
    }

    @Test
    void anUnknownTextGetsAShortHelpAndIsKeptOnTheOrdersTimeline() throws Exception {
        String phone = newPhone();
        String orderId = sms.waitingOrders(phone, 1).orderIds().get(0);

        String reply = sms.send(newSid(), phone, "Is my <kettle> blue?");

        assertThat(reply).contains("we did not understand", "kept your message with order " + orderId);
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.timeline[?(@.type == 'SMS_RECEIVED')].message")
                        .value(Matchers.contains("The customer texted from " + phone + ": Is my <kettle> blue?")));
    }

    @Test
    void aDigitAnswersTheSurveyThatAwaitsAnAnswerOnceWhateverTheRetries() throws Exception {
        String phone = newPhone();
        String orderId = sms.waitingOrders(phone, 1).orderIds().get(0);
        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?)").param(orderId).update();
        String sid = newSid();

        String thanks = sms.send(sid, phone, "4 quick and friendly");
        sms.send(sid, phone, "4 quick and friendly");
        String late = sms.send(newSid(), phone, "2");

        assertThat(thanks).contains("thank you for your rating of order " + orderId);
        assertThat(late).as("the survey no longer awaits an answer").contains("we did not understand");
        assertThat(jdbc.sql("SELECT score || '|' || comment || '|' || answered_via FROM surveys WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("4|quick and friendly|SMS");
        assertThat(jdbc.sql("SELECT score || '|' || source_id FROM survey_answers WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("4|" + sid);
    }

    @Test
    void theDigitTheDelayNoticeShowsDecidesUnlessASurveyAlsoAwaitsAnAnswer() throws Exception {
        String phone = newPhone();
        InboundSms.Waiting waiting = sms.waitingOrders(phone, 2);
        sms.slip(waiting);
        String first = waiting.orderIds().get(0);
        String second = waiting.orderIds().get(1);
        String earlier = sms.waitingOrders(phone, 1).orderIds().get(0);

        String decided = sms.send(newSid(), phone, "1 " + SmsReplyCode.of(first));

        assertThat(decided).contains("Order " + first + " keeps waiting");
        sms.awaitStatus(first, "AWAITING_STOCK");

        jdbc.sql("INSERT INTO surveys (order_id) VALUES (?)").param(earlier).update();
        String asked = sms.send(newSid(), phone, "3");

        assertThat(asked)
                .as("a 3 could be a score or CANCEL: the word is asked for")
                .contains("CANCEL");
        sms.awaitStatus(second, "AWAITING_DECISION");
        assertThat(count("SELECT count(*) FROM staff_actions WHERE order_id = ?", second))
                .isZero();
        assertThat(count("SELECT count(*) FROM survey_answers WHERE order_id = ?", earlier))
                .isZero();
    }

    /** The text of a TwiML answer's message, unescaped. */
    private static String message(String twiml) {
        String escaped =
                twiml.substring(twiml.indexOf("<Message>") + "<Message>".length(), twiml.indexOf("</Message>"));
        return escaped.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
