package dev.waitwell.api.notification;

import static dev.waitwell.api.notification.InboundSms.TOKEN;
import static dev.waitwell.api.notification.InboundSms.newPhone;
import static dev.waitwell.api.notification.InboundSms.newSid;
import static dev.waitwell.api.notification.InboundSms.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #14: a number that texts STOP (or that Twilio refuses with error 21610) gets no more SMS for any order until
 * it texts START; support sees it on the order.
 */
@ApiTest
class SmsOptOutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    InboundSms sms;

    @BeforeEach
    void texts() {
        sms = new InboundSms(mvc, jdbc, activities);
    }

    @Test
    void stopEndsSmsForTheNumberOnceAndStartBringsThemBack() throws Exception {
        String phone = newPhone();
        String orderId = sms.waitingOrders(phone, 1).orderIds().get(0);
        String stopSid = newSid();

        String stopped = sms.send(stopSid, phone, "Stop");
        sms.send(stopSid, phone, "Stop");
        String again = sms.send(newSid(), phone, "UNSUBSCRIBE");

        assertThat(stopped).contains("you will get no more texts from us", "Reply START");
        assertThat(again).as("nothing more is said to a number that opted out").contains("<Response/>");
        assertThat(count("SELECT count(*) FROM sms_opt_out_changes WHERE phone = ?", phone))
                .isEqualTo(1);
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smsOptOut.optedOut").value(true))
                .andExpect(jsonPath("$.smsOptOut.source").value("KEYWORD"))
                .andExpect(jsonPath("$.smsOptOut.since").isNotEmpty())
                .andExpect(jsonPath("$.timeline[?(@.type == 'SMS_OPTED_OUT')].message")
                        .value(Matchers.contains(Matchers.containsString("replied STOP"))));

        String started = sms.send(newSid(), phone, "start");

        assertThat(started).contains("texts about your orders are back on");
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("ops", "ops")))
                .andExpect(jsonPath("$.smsOptOut.optedOut").value(false))
                .andExpect(jsonPath("$.timeline[?(@.type == 'SMS_OPTED_IN')]").isNotEmpty());
        assertThat(jdbc.sql("SELECT opted_out || '|' || keyword FROM sms_opt_out_changes WHERE phone = ? ORDER BY id")
                        .param(phone)
                        .query(String.class)
                        .list())
                .containsExactly("true|STOP", "false|START");
    }

    @Test
    void cancelWithNoDecisionOpenIsAStop() throws Exception {
        String phone = newPhone();
        sms.waitingOrders(phone, 1);

        String reply = sms.send(newSid(), phone, "CANCEL");

        assertThat(reply).contains("you will get no more texts from us");
        assertThat(jdbc.sql("SELECT opted_out FROM sms_opt_outs WHERE phone = ?")
                        .param(phone)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void twilioRefusingAnSmsWithError21610RecordsTheOptOut() throws Exception {
        String phone = newPhone();
        String orderId = sms.waitingOrders(phone, 1).orderIds().get(0);
        String sid = newSid();
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status, provider_id)
                VALUES (?, 'CONFIRMED', 'SMS', 'CONFIRMED', ?, 'SENT', ?)""").params(orderId, phone, sid).update();
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610");

        mvc.perform(InboundSms.unsigned(form)
                        .with(request -> {
                            request.setRequestURI("/webhooks/twilio/status");
                            return request;
                        })
                        .header(
                                "X-Twilio-Signature",
                                TwilioSignature.of(TOKEN, "https://shop.example/webhooks/twilio/status", values(form))))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT opted_out || '|' || source FROM sms_opt_outs WHERE phone = ?")
                        .param(phone)
                        .query(String.class)
                        .single())
                .isEqualTo("true|TWILIO_21610");
        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.smsOptOut.optedOut").value(true))
                .andExpect(jsonPath("$.smsOptOut.source").value("TWILIO_21610"));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
