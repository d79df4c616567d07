package dev.waitwell.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request bodies and builders the API tests share. */
public final class Fixtures {

    private Fixtures() {}

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
                 "alternatives": ["ALT-1"]}""".formatted(
                        price,
                        currency,
                        releaseDate == null ? "null" : "\"" + releaseDate + "\"",
                        cap == null ? "null" : cap.toString(),
                        depositPercent);
    }

    /** Today in the shop's zone of the test configuration (Europe/Berlin). */
    public static LocalDate shopToday() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    /** A product on sale now (no release date), with the given backorder rules. */
    public static String stockProduct(
            long price, boolean backordersAllowed, Integer maxWaitDays, Integer maxQuantity, LocalDate restockEta) {
        return """
                {"name": "Nimbus Kettle", "price": %d, "currency": "EUR", "releaseDate": null, "preorderCap": null,
                 "depositPercent": 0, "backorders": {"allowed": %s, "maxWaitDays": %s, "maxQuantity": %s},
                 "restockEta": %s, "alternatives": []}""".formatted(
                        price,
                        backordersAllowed,
                        maxWaitDays,
                        maxQuantity,
                        restockEta == null ? "null" : "\"" + restockEta + "\"");
    }

    public static String purchaseOrder(String id, String sku, int quantity, LocalDate expectedDate) {
        return """
                {"id": "%s", "supplier": "Acme Supply", "sku": "%s", "quantity": %d, "expectedDate": "%s"}""".formatted(id, sku, quantity, expectedDate);
    }

    public static MockHttpServletRequestBuilder postAs(String user, String path, String body, Object... variables) {
        return post(path, variables)
                .with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    public static String order(String orderId, String sku, int quantity, String plan, String paymentMethod) {
        return """
                {"orderId": "%s", "customer": {"id": "c-1", "name": "Ada Lovelace", "email": "ada@example.com",
                 "phone": "+14155550123", "channels": ["EMAIL", "SMS"]},
                 "sku": "%s", "quantity": %d, "paymentPlan": "%s", "paymentMethod": "%s"}""".formatted(orderId, sku, quantity, plan, paymentMethod);
    }

    public static MockHttpServletRequestBuilder putProduct(String sku, String body) {
        return putProductAs("admin", sku, body);
    }

    /** A product PUT by a user whose password is their name, as in the test configuration. */
    public static MockHttpServletRequestBuilder putProductAs(String user, String sku, String body) {
        return put("/admin/v1/products/{sku}", sku)
                .with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    public static MockHttpServletRequestBuilder placeOrder(String body) {
        return post("/api/v1/orders")
                .with(httpBasic("shop", "shop"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
