package dev.waitwell.api.customer;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.order.CustomerLinks;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
                        "<html lang=\"en\">",
                        "<meta name=\"viewport\"",
                        "Waiting for the release",
                        "Aurora Headphones × 1",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.ENGLISH)
                                .format(inDays(45)),
                        "€25.00",
                        "Pre-order placed",
                        "Waitwell Demo Shop",
                        "mailto:support@waitwell.local")
                .doesNotContain("<script", "http://", "https://");
    }

    @Test
    void showsTheOrderInTheCustomersLanguageWithTheProductsName() throws Exception {
        String sku = unique("SEITE");
        mvc.perform(putProduct(
                        sku,
                        product(49_900, "EUR", LocalDate.of(2030, 6, 1), null, 0)
                                .replace("Aurora Headphones", "Kamera Eins")))
                .andExpect(status().isCreated());
        String orderId = unique("seite");
        String order = order(orderId, sku, 1, "FULL", "pm_card_visa")
                .replace(
                        "\"channels\": [\"EMAIL\", \"SMS\"]}",
                        "\"channels\": [\"EMAIL\", \"SMS\"], \"locale\": \"de-DE\"}");

        String html = mvc.perform(get(pathOf(mvc.perform(placeOrder(order))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains(
                        "<html lang=\"de-DE\">",
                        "Bestellung " + orderId,
                        "Wartet auf den Erscheinungstermin",
                        "Kamera Eins × 1",
                        "<dd>1. Juni 2030</dd>",
                        "499,00\u00A0€",
                        "Was bisher geschah",
                        // the timeline's entries, written in English, are named by their type in German
                        "Bestellung aufgegeben")
                .doesNotContain("Waiting for the release", "<dd>2030-06-01</dd>", "Pre-order placed");
    }

    @Test
    void theAnswersToThePagesFormsSpeakTheCustomersLanguageToo() throws Exception {
        Placed placed = place("Kamera Eins", "fr-CA");
        String token = placed.path().substring(placed.path().indexOf("?token=") + "?token=".length());

        String html = mvc.perform(post("/c/orders/{id}/payment-method", placed.orderId())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", token)
                        .param("paymentMethod", "not a method!"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("<html lang=\"fr-CA\">", "Veuillez réessayer", "Retour à votre commande")
                .doesNotContain("Please try again");
    }

    @Test
    void aRefusedDecisionIsExplainedInTheCustomersLanguage() throws Exception {
        Placed placed = place("Kamera Eins", "de-DE");
        String token = placed.path().substring(placed.path().indexOf("?token=") + "?token=".length());

        String html = mvc.perform(post("/c/orders/{id}/decision", placed.orderId())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", token)
                        .param("choice", "WAIT"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html)
                .contains("<html lang=\"de-DE\">", "Für diese Bestellung ist gerade keine Entscheidung offen")
                .doesNotContain("no open decision", "not waiting");
    }

    @Test
    void escapesWhatTheShopNamedItsProduct() throws Exception {
        Placed placed = place("<script>alert(1)</script>");

        String html = mvc.perform(get(placed.path()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; × 1").doesNotContain("<script");
    }

    @Test
    void theInvalidLinkPageSpeaksTheShopsLanguage() throws Exception {
        String html = mvc.perform(get("/c/orders/nobody?token=nothing"))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("<html lang=\"en\">", "This link is not valid", "Waitwell Demo Shop");
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

    private record Placed(String orderId, String sku, String path) {}

    private Placed place() throws Exception {
        return place("Aurora Headphones");
    }

    private Placed place(String productName) throws Exception {
        return place(productName, null);
    }

    private Placed place(String productName, String locale) throws Exception {
        String sku = unique("PAGE");
        mvc.perform(putProduct(
                        sku, product(2_500, "EUR", inDays(45), null, 0).replace("Aurora Headphones", productName)))
                .andExpect(status().isCreated());
        String orderId = unique("page");
        String order = order(orderId, sku, 1, "FULL", "pm_card_visa");
        if (locale != null) {
            order = order.replace(
                    "\"channels\": [\"EMAIL\", \"SMS\"]}",
                    "\"channels\": [\"EMAIL\", \"SMS\"], \"locale\": \"" + locale + "\"}");
        }
        String json = mvc.perform(placeOrder(order))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Placed(orderId, sku, pathOf(json));
    }

    private static String pathOf(String checkoutAnswer) {
        URI url = URI.create(JsonPath.read(checkoutAnswer, "$.customerUrl"));
        return url.getRawPath() + "?" + url.getRawQuery();
    }
}
