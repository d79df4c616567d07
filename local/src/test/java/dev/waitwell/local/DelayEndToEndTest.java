package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * When a purchase order slips: every waiting customer gets one delay notice with a working link; the
 * customer decides on the page in a real (headless) browser or through the JSON endpoint; a tampered
 * link shows nothing.
 */
class DelayEndToEndTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/c/orders/[^\\s?]+\\?token=[A-Za-z0-9._~%-]+)");

    private static RunningSystem system;
    private WebDriver browser;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupplierSlipSendsOneNoticeWhoseLinkLetsTheCustomerChooseInABrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(Browsers.CHROMIUM) && Files.isExecutable(Browsers.CHROMEDRIVER),
                "no Chromium: apt-get install -y chromium chromium-driver (.ci/run does)");
        Scenario scenario = slippedScenario();
        String url = delayLink(scenario.waiting());

        browser = Browsers.headlessChromium();
        browser.get(url);
        assertThat(browser.getPageSource()).contains(scenario.waiting());
        WebElement wait = button("WAIT");
        wait.click();

        RunningSystem.waitFor(
                "the wait to be carried out",
                Duration.ofSeconds(30),
                () -> "AWAITING_STOCK"
                        .equals(order(scenario.waiting()).path("status").asText()));
        JsonNode decided = system.call("GET", "/admin/v1/orders/" + scenario.waiting(), null, "support")
                .body();
        assertThat(decided.path("rewardCode").asText()).isNotBlank();
        assertThat(emailsTo(scenario.waiting()))
                .anySatisfy(
                        m -> assertThat(m).contains(decided.path("rewardCode").asText()));

        browser.get(url.replaceAll("token=(.)", "token=x$1"));
        assertThat(browser.getPageSource())
                .doesNotContain(scenario.waiting() + "@example.com")
                .doesNotContain("AWAITING");
    }

    @Test
    void theCustomerCanSwitchToAnInStockAlternativeThroughTheJsonEndpointOnce() {
        Scenario scenario = slippedScenario();
        String url = delayLink(scenario.switching());
        String token = URI.create(url).getQuery().replaceFirst("^token=", "");

        Response switched = system.call(
                "POST",
                "/c/v1/orders/" + scenario.switching() + "/decision",
                Map.of("token", token, "choice", "SWITCH", "alternativeSku", scenario.alternative()),
                null);
        Response again = system.call(
                "POST",
                "/c/v1/orders/" + scenario.switching() + "/decision",
                Map.of("token", token, "choice", "CANCEL"),
                null);
        Response forged = system.call(
                "POST",
                "/c/v1/orders/" + scenario.switching() + "/decision",
                Map.of("token", token + "x", "choice", "CANCEL"),
                null);

        assertThat(switched.status()).as(switched.body().toString()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(forged.status()).isEqualTo(403);
        RunningSystem.waitFor(
                "the switched order to be ready",
                Duration.ofSeconds(30),
                () -> "READY_TO_SHIP"
                        .equals(order(scenario.switching()).path("status").asText()));
        JsonNode order = order(scenario.switching());
        assertThat(order.path("sku").asText()).isEqualTo(scenario.alternative());
        assertThat(order.path("paid").asLong() - order.path("refunded").asLong())
                .isEqualTo(4_500);
    }

    /** Two backorders on a purchase order that slips by 30 days; an alternative in stock at 4,500. */
    private static Scenario slippedScenario() {
        String alternative = product(true, List.of());
        assertThat(system.call(
                                "POST",
                                "/admin/v1/products/" + alternative + "/receipts",
                                Map.of("quantity", 5, "reference", "ALT-1"),
                                "admin")
                        .status())
                .isEqualTo(201);
        String sku = product(true, List.of(alternative));
        String po = "po-" + sku;
        assertThat(system.call(
                                "POST",
                                "/admin/v1/purchase-orders",
                                Map.of(
                                        "id",
                                        po,
                                        "supplier",
                                        "Acme",
                                        "sku",
                                        sku,
                                        "quantity",
                                        10,
                                        "expectedDate",
                                        LocalDate.now().plusDays(10).toString()),
                                "admin")
                        .status())
                .isEqualTo(201);
        String waiting = backorder(sku);
        String switching = backorder(sku);

        Response slip = system.call(
                "PUT",
                "/admin/v1/purchase-orders/" + po,
                Map.of(
                        "expectedDate",
                        LocalDate.now().plusDays(40).toString(),
                        "reason",
                        "the supplier's factory closed for a month"),
                "admin");
        assertThat(slip.status()).as(slip.body().toString()).isEqualTo(200);
        for (String orderId : List.of(waiting, switching)) {
            RunningSystem.waitFor(
                    "a delay notice to " + orderId,
                    Duration.ofSeconds(60),
                    () -> "AWAITING_DECISION"
                                    .equals(order(orderId).path("status").asText())
                            && !delayNotices(orderId).isEmpty());
            assertThat(delayNotices(orderId)).hasSize(1);
        }
        return new Scenario(waiting, switching, alternative);
    }

    private record Scenario(String waiting, String switching, String alternative) {}

    private static String product(boolean backorders, List<String> alternatives) {
        String sku = "DL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Lamp " + sku);
        product.put("price", alternatives.isEmpty() ? 4_500 : 4_000);
        product.put("currency", "USD");
        product.put("releaseDate", null);
        product.put("preorderCap", null);
        product.put("depositPercent", 0);
        product.put("backorders", Map.of("allowed", backorders, "maxWaitDays", 60));
        product.put("restockEta", null);
        product.put("alternatives", alternatives);
        assertThat(system.call("PUT", "/admin/v1/products/" + sku, product, "admin")
                        .status())
                .isEqualTo(201);
        return sku;
    }

    private static String backorder(String sku) {
        String orderId = "dl-" + UUID.randomUUID();
        Response placed = system.call(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "orderId",
                        orderId,
                        "customer",
                        Map.of(
                                "id",
                                "c-dl",
                                "name",
                                "Ada",
                                "email",
                                orderId + "@example.com",
                                "channels",
                                List.of("EMAIL")),
                        "sku",
                        sku,
                        "quantity",
                        1,
                        "paymentPlan",
                        "FULL",
                        "paymentMethod",
                        "pm_card_visa"),
                "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("kind").asText()).isEqualTo("BACKORDER");
        return orderId;
    }

    private static String delayLink(String orderId) {
        for (String body : delayNotices(orderId)) {
            Matcher link = LINK.matcher(body);
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no link in the delay notice to " + orderId);
    }

    private static List<String> delayNotices(String orderId) {
        return emailsTo(orderId).stream()
                .filter(text -> text.toLowerCase().contains("delay"))
                .toList();
    }

    /** Subject and text of every email to the order's customer. */
    private static List<String> emailsTo(String orderId) {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : system.smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(orderId + "@example.com")) {
                    texts.add(message.getSubject() + "\n" + MailParts.text(message));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return texts;
    }

    private static JsonNode order(String orderId) {
        return system.call("GET", "/api/v1/orders/" + orderId, null, "support").body();
    }

    private WebElement button(String choice) {
        for (WebElement candidate : browser.findElements(By.cssSelector("form button, form input[type=submit]"))) {
            String text = (candidate.getText() + " " + candidate.getAttribute("value")).toUpperCase();
            if (text.contains(choice)) {
                return candidate;
            }
        }
        throw new AssertionError("no " + choice + " button on the page:\n" + browser.getPageSource());
    }
}
