package dev.waitwell.api.customer;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.order.CustomerLinks;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ApiTest
class CustomerPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerLinks links;

    @Test
    void showsTheOrderToTheHolderOfTheLinkWithoutLogin() throws Exception {
        Placed placed = place();

        MvcResult page =
                mvc.perform(get(placed.path())).andExpect(status().isOk()).andReturn();

        String html = page.getResponse().getContentAsString();
        assertThat(page.getResponse().getContentType()).startsWith("text/html");
        assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(html)
                .contains(
                        "<meta name=\"viewport\"",
                        "Waiting for the release",
                        inDays(45).toString(),
                        "25.00 EUR",
                        "Pre-order placed")
                .doesNotContain("<script", "http://", "https://");
    }

    @Test
    void refusesATamperedTokenWithA403PageWithoutData() throws Exception {
        Placed placed = place();
        String tampered = placed.path().substring(0, placed.path().length() - 3) + "AAA";

        String html = mvc.perform(get(tampered))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("not valid").doesNotContain(placed.orderId(), "EUR");
    }

    @Test
    void refusesAnExpiredLink() throws Exception {
        Placed placed = place();
        URI link = URI.create(links.urlFor(placed.orderId(), Instant.now().minusSeconds(60)));
        String expired = link.getRawPath() + "?" + link.getRawQuery();

        mvc.perform(get(expired)).andExpect(status().isForbidden());
    }

    @Test
    void refusesTheLinkOfOneOrderForAnother() throws Exception {
        Placed first = place();
        Placed second = place();
        String token = first.path().substring(first.path().indexOf("?token="));

        mvc.perform(get("/c/orders/" + second.orderId() + token)).andExpect(status().isForbidden());
        mvc.perform(get("/c/orders/" + second.orderId())).andExpect(status().isForbidden());
    }

    private record Placed(String orderId, String path) {}

    private Placed place() throws Exception {
        String sku = unique("PAGE");
        mvc.perform(putProduct(sku, product(2_500, "EUR", inDays(45), null, 0))).andExpect(status().isCreated());
        String orderId = unique("page");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        URI url = URI.create(JsonPath.read(json, "$.customerUrl"));
        return new Placed(orderId, url.getRawPath() + "?" + url.getRawQuery());
    }
}
