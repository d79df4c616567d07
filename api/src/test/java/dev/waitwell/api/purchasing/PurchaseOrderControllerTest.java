package dev.waitwell.api.purchasing;

import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.purchaseOrder;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.shopToday;
import static dev.waitwell.api.Fixtures.stockProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class PurchaseOrderControllerTest {

    private static final String PURCHASE_ORDERS = "/admin/v1/purchase-orders";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsAPurchaseOrderAuditedAndMarksTheProductsStockTracked() throws Exception {
        String sku = product();
        String id = unique("PO");
        LocalDate expected = shopToday().plusDays(14);

        mvc.perform(postAs("admin", PURCHASE_ORDERS, purchaseOrder(id, sku, 40, expected)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", PURCHASE_ORDERS + "/" + id))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.supplier").value("Acme Supply"))
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.quantity").value(40))
                .andExpect(jsonPath("$.received").value(0))
                .andExpect(jsonPath("$.open").value(40))
                .andExpect(jsonPath("$.expectedDate").value(expected.toString()))
                .andExpect(jsonPath("$.dateChanges").isEmpty());

        assertThat(jdbc.sql("SELECT stock_tracked FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(audit(sku)).containsExactly("admin PURCHASE_ORDER_CREATED null");
    }

    @Test
    void answersTheSameRequestAgainWith200AndOtherTermsUnderTheSameIdWith409() throws Exception {
        String sku = product();
        String id = unique("PO");
        String body = purchaseOrder(id, sku, 10, shopToday().plusDays(7));
        mvc.perform(postAs("admin", PURCHASE_ORDERS, body)).andExpect(status().isCreated());

        mvc.perform(postAs("admin", PURCHASE_ORDERS, body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(postAs(
                        "admin",
                        PURCHASE_ORDERS,
                        purchaseOrder(id, sku, 11, shopToday().plusDays(7))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PURCHASE_ORDER_ID_CONFLICT"));

        assertThat(jdbc.sql("SELECT quantity FROM purchase_orders WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .list())
                .containsExactly(10);
        assertThat(audit(sku)).hasSize(1);
    }

    @Test
    void refusesAPurchaseOrderForAnUnknownProductAndInvalidFields() throws Exception {
        String id = unique("PO");
        mvc.perform(postAs("admin", PURCHASE_ORDERS, purchaseOrder(id, "NO-SUCH-SKU", 5, shopToday())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
        mvc.perform(postAs("admin", PURCHASE_ORDERS, """
                        {"id": "bad id", "supplier": "", "sku": "%s", "quantity": 0, "expectedDate": null}""".formatted(product())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("id", "supplier", "quantity", "expectedDate")));
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_orders WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void movesTheExpectedDateWithItsReasonOnTheAuditTrail() throws Exception {
        String sku = product();
        String id = unique("PO");
        LocalDate first = shopToday().plusDays(7);
        LocalDate slipped = shopToday().plusDays(21);
        String create = purchaseOrder(id, sku, 10, first);
        mvc.perform(postAs("admin", PURCHASE_ORDERS, create)).andExpect(status().isCreated());

        mvc.perform(changeDate("admin", id, "{\"expectedDate\": \"" + slipped + "\", \"reason\": \"port strike\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expectedDate").value(slipped.toString()))
                .andExpect(jsonPath("$.dateChanges[0].previousDate").value(first.toString()))
                .andExpect(jsonPath("$.dateChanges[0].newDate").value(slipped.toString()))
                .andExpect(jsonPath("$.dateChanges[0].reason").value("port strike"))
                .andExpect(jsonPath("$.dateChanges[0].changedBy").value("admin"));
        assertThat(audit(sku))
                .containsExactly("admin PURCHASE_ORDER_CREATED null", "admin PURCHASE_ORDER_DATE_CHANGED port strike");

        // the same date again changes and records nothing; a change without a reason is refused
        mvc.perform(changeDate("admin", id, "{\"expectedDate\": \"" + slipped + "\", \"reason\": \"again\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dateChanges.length()").value(1));
        mvc.perform(changeDate("admin", id, "{\"expectedDate\": \"" + first + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(changeDate("admin", "NO-SUCH-PO", "{\"expectedDate\": \"" + first + "\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PURCHASE_ORDER_NOT_FOUND"));
        // a retry of the original create still matches the terms it was created with
        mvc.perform(postAs("admin", PURCHASE_ORDERS, create)).andExpect(status().isOk());
        assertThat(audit(sku)).hasSize(2);
    }

    @Test
    void listsAProductsPurchaseOrdersEarliestFirstWithWhatIsStillToCome() throws Exception {
        String sku = product();
        String late = unique("PO");
        String early = unique("PO");
        mvc.perform(postAs(
                        "admin",
                        PURCHASE_ORDERS,
                        purchaseOrder(late, sku, 10, shopToday().plusDays(30))))
                .andExpect(status().isCreated());
        mvc.perform(postAs(
                        "admin",
                        PURCHASE_ORDERS,
                        purchaseOrder(early, sku, 6, shopToday().plusDays(3))))
                .andExpect(status().isCreated());
        jdbc.sql("UPDATE purchase_orders SET received = 4 WHERE id = ?")
                .param(early)
                .update();

        mvc.perform(get(PURCHASE_ORDERS).param("sku", sku).with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(early, late)))
                .andExpect(jsonPath("$[0].received").value(4))
                .andExpect(jsonPath("$[0].open").value(2))
                .andExpect(jsonPath("$[1].open").value(10));
        mvc.perform(get(PURCHASE_ORDERS + "/{id}", early).with(httpBasic("support", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(2));
        mvc.perform(get(PURCHASE_ORDERS + "/{id}", "NO-SUCH-PO").with(httpBasic("support", "support")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PURCHASE_ORDER_NOT_FOUND"));
    }

    @Test
    void letsOnlyAdminsChangePurchaseOrdersAndStaffReadThem() throws Exception {
        String sku = product();
        String id = unique("PO");
        String body = purchaseOrder(id, sku, 5, shopToday().plusDays(3));

        mvc.perform(post(PURCHASE_ORDERS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        for (String user : List.of("support", "ops", "shop")) {
            mvc.perform(postAs(user, PURCHASE_ORDERS, body))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        }
        mvc.perform(postAs("admin", PURCHASE_ORDERS, body)).andExpect(status().isCreated());
        mvc.perform(changeDate("support", id, "{\"expectedDate\": \"" + shopToday() + "\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(PURCHASE_ORDERS).param("sku", sku).with(httpBasic("shop", "shop")))
                .andExpect(status().isForbidden());
        mvc.perform(get(PURCHASE_ORDERS + "/{id}", id)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order_date_changes WHERE purchase_order_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String product() throws Exception {
        String sku = unique("POS");
        mvc.perform(putProduct(sku, stockProduct(1_000, true, 30, null, null))).andExpect(status().isCreated());
        return sku;
    }

    private static MockHttpServletRequestBuilder changeDate(String user, String id, String body) {
        return put(PURCHASE_ORDERS + "/{id}", id)
                .with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private List<String> audit(String sku) {
        return jdbc.sql("SELECT username || ' ' || action || ' ' || coalesce(reason, 'null') FROM staff_actions "
                        + "WHERE sku = ? AND action LIKE 'PURCHASE_ORDER%' ORDER BY id")
                .param(sku)
                .query(String.class)
                .list();
    }
}
