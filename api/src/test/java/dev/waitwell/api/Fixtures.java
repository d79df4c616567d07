package dev.waitwell.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request bodies and builders the API tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A sku or order id no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static LocalDate inDays(int days) {
        return LocalDate.now().plusDays(days);
    }

    public static String product(long price, String currency, LocalDate releaseDate, Integer cap, int depositPercent) {
        return """
                {"name": "Aurora Headphones", "price": %d, "currency": "%s", "releaseDate": %s, "preorderCap": %s,
                 "depositPercent": %d, "backorders": {"allowed": false, "maxWaitDays": null}, "restockEta": null,
                 "alternatives": ["ALT-1"]}"""
                .formatted(price, currency, releaseDate == null ? "null" : "\"" + releaseDate + "\"",
                        cap == null ? "null" : cap.toString(), depositPercent);
    }

    public static String order(String orderId, String sku, int quantity, String plan, String paymentMethod) {
        return """
                {"orderId": "%s", "customer": {"id": "c-1", "name": "Ada Lovelace", "email": "ada@example.com",
                 "phone": "+14155550123", "channels": ["EMAIL", "SMS"]},
                 "sku": "%s", "quantity": %d, "paymentPlan": "%s", "paymentMethod": "%s"}"""
                .formatted(orderId, sku, quantity, plan, paymentMethod);
    }

    public static MockHttpServletRequestBuilder putProduct(String sku, String body) {
        return putProductAs("admin", sku, body);
    }

    /** A product PUT by a user whose password is their name, as in the test configuration. */
    public static MockHttpServletRequestBuilder putProductAs(String user, String sku, String body) {
        return put("/admin/v1/products/{sku}", sku).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static MockHttpServletRequestBuilder placeOrder(String body) {
        return post("/api/v1/orders").with(httpBasic("shop", "shop"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
