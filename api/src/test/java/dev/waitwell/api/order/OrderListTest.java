package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class OrderListTest {

    private static final String ORDERS = "/admin/v1/orders";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String sku;

    @BeforeEach
    void product() {
        sku = unique("LIST");
        jdbc.sql("INSERT INTO products (sku, name, price_minor, currency) VALUES (?, 'Lamp', 1000, 'EUR')")
                .param(sku)
                .update();
    }

    @Test
    void combinesEveryFilterGivenAndCountsOnlyTheMatchingOrders() throws Exception {
        String ada = unique("ada") + "@example.com";
        String a = insert("BACKORDER", "AWAITING_STOCK", "c-ada", ada, "2025-03-01T10:00:00Z", "2025-04-01");
        String b =
                insert("BACKORDER", "AWAITING_STOCK", "c-bob", "bob@example.com", "2025-03-02T10:00:00Z", "2025-05-01");
        String c = insert("PREORDER", "AWAITING_STOCK", "c-ada", ada, "2025-03-03T10:00:00Z", null);
        String d = insert("BACKORDER", "CANCELLED", "c-ada", ada, "2025-03-04T10:00:00Z", "2025-04-01");

        assertThat(ids(list().param("sku", sku)
                        .param("status", "AWAITING_STOCK")
                        .param("kind", "BACKORDER")))
                .containsExactly(a, b);
        assertThat(ids(list().param("sku", sku).param("customer", ada))).containsExactly(a, c, d);
        assertThat(ids(list().param("sku", sku).param("customer", "c-bob"))).containsExactly(b);
        assertThat(ids(list().param("sku", sku)
                        .param("customer", ada)
                        .param("kind", "BACKORDER")
                        .param("status", "CANCELLED")))
                .containsExactly(d);
        // a date names its whole day in the shop's zone (Europe/Berlin); a date-time is exact, the end exclusive
        assertThat(ids(list().param("sku", sku)
                        .param("placedFrom", "2025-03-02")
                        .param("placedTo", "2025-03-03")))
                .containsExactly(b, c);
        assertThat(ids(list().param("sku", sku)
                        .param("placedFrom", "2025-03-01T10:00:01Z")
                        .param("placedTo", "2025-03-04T10:00:00Z")))
                .containsExactly(b, c);
        assertThat(ids(list().param("sku", sku).param("promisedBefore", "2025-05-01")))
                .containsExactly(a, d);
        mvc.perform(list().param("sku", sku).param("status", "AWAITING_STOCK").param("customer", ada))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].orderId").value(a))
                .andExpect(jsonPath("$.items[0].kind").value("BACKORDER"))
                .andExpect(jsonPath("$.items[0].sku").value(sku))
                .andExpect(jsonPath("$.items[0].quantity").value(2))
                .andExpect(jsonPath("$.items[0].customerId").value("c-ada"))
                .andExpect(jsonPath("$.items[0].customerEmail").value(ada))
                .andExpect(jsonPath("$.items[0].promisedDate").value("2025-04-01"))
                .andExpect(jsonPath("$.items[0].total").value(2000))
                .andExpect(jsonPath("$.items[0].currency").value("EUR"))
                .andExpect(jsonPath("$.items[0].priority").value(0))
                .andExpect(jsonPath("$.items[1].orderId").value(c))
                .andExpect(jsonPath("$.items[1].promisedDate").doesNotExist());
    }

    @Test
    void pagesThroughOrdersOldestFirstWithTheOrderIdBreakingTies() throws Exception {
        String prefix = unique("page");
        // inserted out of order; two share their placement
        insertAs(prefix + "-e", "2025-02-05T00:00:00Z");
        insertAs(prefix + "-c", "2025-02-01T00:00:00Z");
        insertAs(prefix + "-a", "2025-02-01T00:00:00Z");
        insertAs(prefix + "-b", "2025-01-15T00:00:00Z");
        insertAs(prefix + "-d", "2025-02-03T00:00:00Z");

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            mvc.perform(list().param("sku", sku).param("size", "2").param("page", String.valueOf(page)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(5))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(2));
            seen.addAll(ids(list().param("sku", sku).param("size", "2").param("page", String.valueOf(page))));
        }
        assertThat(seen).containsExactly(prefix + "-b", prefix + "-a", prefix + "-c", prefix + "-d", prefix + "-e");
        assertThat(ids(list().param("sku", sku).param("size", "2").param("page", "3")))
                .isEmpty();
        mvc.perform(list().param("sku", sku))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.items.length()").value(5));
    }

    @Test
    void findsTheSameRowsForPagesInTheBackHalfWhichAreCountedFromTheEnd() throws Exception {
        String prefix = unique("deep");
        // two ties, one of them at the end, where pages are counted backwards
        insertAs(prefix + "-g", "2025-03-09T00:00:00Z");
        insertAs(prefix + "-a", "2025-03-01T00:00:00Z");
        insertAs(prefix + "-c", "2025-03-02T00:00:00Z");
        insertAs(prefix + "-b", "2025-03-02T00:00:00Z");
        insertAs(prefix + "-f", "2025-03-09T00:00:00Z");
        insertAs(prefix + "-e", "2025-03-05T00:00:00Z");
        insertAs(prefix + "-d", "2025-03-04T00:00:00Z");
        List<String> inOrder = List.of("a", "b", "c", "d", "e", "f", "g").stream()
                .map(id -> prefix + "-" + id)
                .toList();

        for (int size = 1; size <= 4; size++) {
            List<String> seen = new java.util.ArrayList<>();
            for (int page = 0; page * size < inOrder.size(); page++) {
                seen.addAll(ids(list().param("sku", sku)
                        .param("size", String.valueOf(size))
                        .param("page", String.valueOf(page))));
            }
            assertThat(seen).as("pages of %d", size).isEqualTo(inOrder);
        }
    }

    @Test
    void refusesInvalidFiltersNamingEachParameter() throws Exception {
        mvc.perform(list().param("status", "LOST")
                        .param("kind", "SOMETIMES")
                        .param("placedFrom", "yesterday")
                        .param("placedTo", "2025-02-30")
                        .param("promisedBefore", "2025-03-01T00:00:00Z")
                        .param("page", "-1")
                        .param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "status", "kind", "placedFrom", "placedTo", "promisedBefore", "page", "size")));
        for (String size : List.of("0", "abc")) {
            mvc.perform(list().param("size", size))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
        mvc.perform(list().param("size", "500")).andExpect(status().isOk());
    }

    @Test
    void letsSupportOpsAndAdminsListOrdersAndNoOneElse() throws Exception {
        insertAs(unique("role"), "2025-02-01T00:00:00Z");
        mvc.perform(get(ORDERS).param("sku", sku))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get(ORDERS).param("sku", sku).with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        for (String user : List.of("support", "ops", "admin")) {
            mvc.perform(get(ORDERS).param("sku", sku).with(httpBasic(user, user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1));
        }
    }

    private MockHttpServletRequestBuilder list() {
        return get(ORDERS).with(httpBasic("support", "support"));
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.items[*].orderId");
    }

    private void insertAs(String orderId, String placedAt) {
        insert(orderId, "IN_STOCK", "READY_TO_SHIP", "c-1", "c1@example.com", placedAt, null);
    }

    private String insert(
            String kind, String status, String customerId, String email, String placedAt, String promised) {
        return insert(unique("o"), kind, status, customerId, email, placedAt, promised);
    }

    private String insert(
            String orderId,
            String kind,
            String status,
            String customerId,
            String email,
            String placedAt,
            String promised) {
        jdbc.sql("""
                INSERT INTO orders (order_id, request_hash, kind, status, sku, quantity, payment_plan, payment_method,
                                    currency, unit_price_minor, total_minor, first_payment_minor, promised_date,
                                    customer_id, customer_email, link_expires_at, placed_at)
                VALUES (?, 'h', ?, ?, ?, 2, 'FULL', 'pm_card_visa', 'EUR', 1000, 2000, 2000, ?, ?, ?, now(), ?)""")
                .params(
                        orderId,
                        kind,
                        status,
                        sku,
                        promised == null ? null : LocalDate.parse(promised),
                        customerId,
                        email,
                        Timestamp.from(Instant.parse(placedAt)))
                .update();
        return orderId;
    }
}
