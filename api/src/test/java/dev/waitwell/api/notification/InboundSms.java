package dev.waitwell.api.notification;

import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.Fixtures;
import dev.waitwell.api.TestTemporal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Texts as Twilio posts them to the inbound webhook, signed as Twilio signs them, and orders to text about. */
final class InboundSms {

    // application-test.yml: public-base-url https://shop.example/ (the trailing slash is dropped), this token.
    static final String URL = "https://shop.example/webhooks/twilio/inbound";
    static final String TOKEN = "test-twilio-auth-token";
    static final String SHOP_NUMBER = "+15550001111";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestTemporal.Activities activities;

    InboundSms(MockMvc mvc, JdbcClient jdbc, TestTemporal.Activities activities) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.activities = activities;
    }

    /** A number of its own for each test: opt-outs and the orders a text finds are by number. */
    static String newPhone() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String newSid() {
        return "SM" + unique("in").replaceAll("[^A-Za-z0-9]", "");
    }

    /** The form Twilio posts for a text {@code body} from {@code phone}. */
    static Map<String, String> text(String sid, String phone, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", "AC0123456789");
        form.put("From", phone);
        form.put("To", SHOP_NUMBER);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    static MockHttpServletRequestBuilder signed(Map<String, String> form) {
        return unsigned(form).header("X-Twilio-Signature", TwilioSignature.of(TOKEN, URL, values(form)));
    }

    static MockHttpServletRequestBuilder unsigned(Map<String, String> form) {
        MockHttpServletRequestBuilder request =
                post("/webhooks/twilio/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::param);
        return request;
    }

    static Map<String, String[]> values(Map<String, String> form) {
        Map<String, String[]> values = new LinkedHashMap<>();
        form.forEach((name, value) -> values.put(name, new String[] {value}));
        return values;
    }

    /** Sends the text, signed; the TwiML answered. */
    String send(String sid, String phone, String body) throws Exception {
        return mvc.perform(signed(text(sid, phone, body)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Orders of the customer at {@code phone}, each a backorder of one kettle waiting for the same purchase order. */
    record Waiting(String purchaseOrderId, java.util.List<String> orderIds) {}

    Waiting waitingOrders(String phone, int count) throws Exception {
        return waitingOrders(phone, count, null);
    }

    /** @param locale the customer's language tag at checkout ({@code de-DE}), or null for none */
    Waiting waitingOrders(String phone, int count, String locale) throws Exception {
        String alternative = unique("ALT");
        mvc.perform(putProduct(alternative, product(5_000, "[]"))).andExpect(status().isCreated());
        jdbc.sql("UPDATE products SET on_hand = 5, stock_tracked = true WHERE sku = ?")
                .param(alternative)
                .update();
        String sku = unique("TXT");
        mvc.perform(putProduct(sku, product(4_000, "[\"" + alternative + "\"]")))
                .andExpect(status().isCreated());
        String purchaseOrderId = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        "/admin/v1/purchase-orders",
                        purchaseOrder(purchaseOrderId, sku, 10, shopToday().plusDays(10))))
                .andExpect(status().isCreated());
        java.util.List<String> orderIds = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = unique("txt");
            // Statuses reach the database as the worker writes them: a text finds open decisions there.
            activities.writeToDatabase(orderId);
            mvc.perform(Fixtures.placeOrder(order(orderId, sku, phone, locale))).andExpect(status().isCreated());
            orderIds.add(orderId);
        }
        return new Waiting(purchaseOrderId, orderIds);
    }

    /** The purchase order slips ten days: every order waiting for it asks its customer to choose. */
    void slip(Waiting waiting) throws Exception {
        mvc.perform(put("/admin/v1/purchase-orders/{id}", waiting.purchaseOrderId())
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedDate\": \"%s\", \"reason\": \"the ship was delayed\"}"
                                .formatted(shopToday().plusDays(20))))
                .andExpect(status().isOk());
        for (String orderId : waiting.orderIds()) {
            awaitStatus(orderId, "AWAITING_DECISION");
        }
    }

    void awaitStatus(String orderId, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = jdbc.sql("SELECT status FROM orders WHERE order_id = ?")
                    .param(orderId)
                    .query(String.class)
                    .single();
            if (expected.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(status).as("status of order " + orderId).isEqualTo(expected);
    }

    static String order(String orderId, String sku, String phone, String locale) {
        return """
                {"orderId": "%s", "customer": {"id": "c-%s", "name": "Ada Lovelace", "email": "ada@example.com",
                 "phone": "%s", "channels": ["EMAIL", "SMS"], "locale": %s},
                 "sku": "%s", "quantity": 1, "paymentPlan": "FULL", "paymentMethod": "pm_card_visa"}""".formatted(orderId, phone.substring(1), phone, locale == null ? "null" : "\"" + locale + "\"", sku);
    }

    private static String product(long price, String alternatives) {
        return """
                {"name": "Nimbus Kettle", "price": %d, "currency": "EUR", "releaseDate": null, "preorderCap": null,
                 "depositPercent": 0, "backorders": {"allowed": true, "maxWaitDays": 60, "maxQuantity": null},
                 "restockEta": null, "alternatives": %s}""".formatted(price, alternatives);
    }
}
