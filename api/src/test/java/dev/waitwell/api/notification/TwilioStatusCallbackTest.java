package dev.waitwell.api.notification;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class TwilioStatusCallbackTest {

    // application-test.yml: public-base-url https://shop.example/ (the trailing slash is dropped), this token.
    private static final String URL = "https://shop.example/webhooks/twilio/status";
    private static final String TOKEN = "test-twilio-auth-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsLikeTwilio() {
        // Twilio's documented example: https://www.twilio.com/docs/usage/security#validating-requests
        Map<String, String[]> parameters = Map.of("CallSid", new String[] {"CA1234567890ABCDE"},
                "Caller", new String[] {"+12349013030"}, "Digits", new String[] {"1234"},
                "From", new String[] {"+12349013030"}, "To", new String[] {"+18005551212"});
        assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void marksADeliveredSmsDeliveredAndAddsItToTheTimeline() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);

        callback(signed(Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", "AC1")))
                .andExpect(status().isNoContent());

        assertThat(row(sid)).isEqualTo("DELIVERED|delivered");
        assertThat(events(orderId, sid)).containsExactly("sms-status/" + sid + "/delivered|SMS_DELIVERED");
    }

    @Test
    void marksAnUndeliveredSmsFailedWithTwiliosErrorCode() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");

        callback(signed(form)).andExpect(status().isNoContent());
        callback(signed(form)).andExpect(status().isNoContent());

        assertThat(row(sid)).isEqualTo("FAILED|Twilio: undelivered, error 30003");
        assertThat(events(orderId, sid)).containsExactly("sms-status/" + sid + "/undelivered|SMS_FAILED");
    }

    @Test
    void refusesAnUnsignedOrWronglySignedCallbackAndChangesNothing() throws Exception {
        String orderId = placed();
        String sid = sms(orderId);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered");

        callback(form(form)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        callback(form(form).header("X-Twilio-Signature", TwilioSignature.of("another-token", URL, values(form))))
                .andExpect(status().isForbidden());
        // signed, then tampered with
        Map<String, String> failed = Map.of("MessageSid", sid, "MessageStatus", "failed");
        callback(form(failed).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(form))))
                .andExpect(status().isForbidden());

        assertThat(row(sid)).isEqualTo("SENT|null");
        assertThat(events(orderId, sid)).isEmpty();
    }

    @Test
    void acknowledgesAnUnknownMessageWithoutChangingAnything() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM order_events").query(Long.class).single();

        callback(signed(Map.of("MessageSid", "SM" + unique("none"), "MessageStatus", "delivered")))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT count(*) FROM order_events").query(Long.class).single()).isEqualTo(before);
    }

    private ResultActions callback(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    private static MockHttpServletRequestBuilder signed(Map<String, String> form) {
        return form(form).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(form)));
    }

    private static MockHttpServletRequestBuilder form(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/webhooks/twilio/status")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::param);
        return request;
    }

    private static Map<String, String[]> values(Map<String, String> form) {
        Map<String, String[]> values = new LinkedHashMap<>();
        form.forEach((name, value) -> values.put(name, new String[] {value}));
        return values;
    }

    private String placed() throws Exception {
        String sku = unique("SMS");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 10))).andExpect(status().isCreated());
        String orderId = unique("sms");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa"))).andExpect(status().isCreated());
        return orderId;
    }

    /** What the worker writes once Twilio accepted an SMS. */
    private String sms(String orderId) {
        String sid = "SM" + unique("sid").replace("-", "");
        jdbc.sql("""
                INSERT INTO notifications (order_id, notification_key, channel, template, recipient, status, provider_id)
                VALUES (?, 'CONFIRMED', 'SMS', 'confirmed', '+4915112345678', 'SENT', ?)""")
                .params(orderId, sid).update();
        return sid;
    }

    private String row(String sid) {
        return jdbc.sql("SELECT status || '|' || coalesce(detail, 'null') FROM notifications WHERE provider_id = ?")
                .param(sid).query(String.class).single();
    }

    private List<String> events(String orderId, String sid) {
        return jdbc.sql("SELECT event_key || '|' || type FROM order_events WHERE order_id = ? AND event_key LIKE ?")
                .params(orderId, "sms-status/" + sid + "/%").query(String.class).list();
    }
}
