package dev.waitwell.api.security;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page of another site can make a browser that holds Basic credentials for the API post a form to it; such a
 * request changes nothing. What a form cannot send (a JSON body, a header of the caller's own) is required.
 */
@ApiTest
class CrossSiteRequestTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormPostedWithCachedCredentialsReleasesNothing() throws Exception {
        String sku = newProduct();

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("reason", "forged"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CROSS_SITE_REQUEST_REFUSED"))
                .andExpect(jsonPath("$.detail")
                        .value("A request that changes something must be sent with Content-Type: application/json"
                                + " or with an X-Requested-By header (any value), which a page of another site cannot"
                                + " add, and never from another site's page."));
        // Another site's script may send a POST without a body (fetch, mode no-cors): the browser marks it.
        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CROSS_SITE_REQUEST_REFUSED"));
        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("Sec-Fetch-Site", "same-site")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());

        assertThat(releases(sku)).isZero();
    }

    @Test
    void aScriptsActionWithoutABodyNeedsNoHeader() throws Exception {
        String sku = newProduct();

        mvc.perform(post("/admin/v1/products/{sku}/release", sku).with(httpBasic("admin", "admin")))
                .andExpect(status().isAccepted());

        assertThat(releases(sku)).isEqualTo(1);
    }

    @Test
    void aJsonBodyOrTheHeaderLetsTheSameRequestThrough() throws Exception {
        String sku = newProduct();
        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"launch moved up\"}"))
                .andExpect(status().isAccepted());
        assertThat(releases(sku)).isEqualTo(1);

        String other = newProduct();
        mvc.perform(post("/admin/v1/products/{sku}/release", other)
                        .with(httpBasic("admin", "admin"))
                        .header("X-Requested-By", "ops-script"))
                .andExpect(status().isAccepted());
        String third = newProduct();
        mvc.perform(post("/admin/v1/products/{sku}/release", third)
                        .with(httpBasic("admin", "admin"))
                        .contentType("application/json; charset=utf-8"))
                .andExpect(status().isAccepted());
        assertThat(releases(other)).isEqualTo(1);
        assertThat(releases(third)).isEqualTo(1);
    }

    @Test
    void aBrowserMayPostFromTheApisOwnPagesButNotFromAnotherSite() throws Exception {
        String sku = newProduct();
        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        assertThat(releases(sku)).isZero();

        mvc.perform(post("/admin/v1/products/{sku}/release", sku)
                        .with(httpBasic("admin", "admin"))
                        .header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isAccepted());
        assertThat(releases(sku)).isEqualTo(1);
    }

    @Test
    void aTextPlainCheckoutAsAFormCouldSendItPlacesNoOrder() throws Exception {
        String sku = newProduct();
        String orderId = unique("csrf");

        mvc.perform(post("/api/v1/orders")
                        .with(httpBasic("shop", "shop"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CROSS_SITE_REQUEST_REFUSED"));
        mvc.perform(put("/admin/v1/products/{sku}", unique("CSRF"))
                        .with(httpBasic("admin", "admin"))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .content(product(1_000, "EUR", inDays(30), null, 0)))
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherSitesPreflightIsGrantedNothing() throws Exception {
        mvc.perform(options("/admin/v1/products/{sku}/release", "ANY")
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, x-requested-by"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Headers"));
    }

    private String newProduct() throws Exception {
        String sku = unique("CSRF");
        mvc.perform(putProduct(sku, product(1_000, "EUR", inDays(30), null, 0))).andExpect(status().isCreated());
        return sku;
    }

    private long releases(String sku) {
        return jdbc.sql("SELECT count(*) FROM staff_actions WHERE sku = ? AND action = 'PRODUCT_RELEASE'")
                .param(sku)
                .query(Long.class)
                .single();
    }
}
