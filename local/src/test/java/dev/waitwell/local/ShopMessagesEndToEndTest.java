package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitwell.local.RunningSystem.Response;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Messages a shop puts its name on, through the local run: a German customer's pre-order is confirmed in German by
 * a multipart email and an SMS in the shop's name; the shop's own subject from {@code WAITWELL_TEMPLATES_DIR}
 * replaces the built-in one; the email and the customer page read well in a phone-wide browser; and a broken
 * template stops the worker's start with words that name the file and the line.
 */
class ShopMessagesEndToEndTest {

    private static final String SHOP = "Kamera Eck";
    private static final String PHONE = "+4915112345678";
    private static final List<String> GERMAN_MONTHS = List.of(
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember");

    private static RunningSystem system;
    private static Shop shop;
    private static Path templates;
    private WebDriver browser;

    @BeforeAll
    static void startSystem() throws Exception {
        templates = Files.createTempDirectory("waitwell-templates");
        write(
                templates,
                "email/CONFIRMED.subject.txt",
                "[(${shop.name})] reserviert [(${product})] für Sie ([(${order})])");
        system = RunningSystem.start(Map.of(
                "WAITWELL_SHOP_NAME", SHOP,
                "WAITWELL_SHOP_SUPPORT_EMAIL", "hilfe@kamera-eck.example",
                "WAITWELL_SHOP_SUPPORT_PHONE", "+49 30 1234567",
                "WAITWELL_SHOP_URL", "https://kamera-eck.example",
                "WAITWELL_ZONE", "Europe/Berlin",
                "WAITWELL_TEMPLATES_DIR", templates.toString()));
        shop = new Shop(system);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aGermanCustomersPreorderIsConfirmedInGermanByMultipartEmailAndSmsInTheShopsName() throws Exception {
        Placed placed = placeGermanPreorder();

        MimeMessage email = confirmationOf(placed.orderId());
        String sms = smsAbout(placed.orderId());

        assertThat(email.getFrom()[0].toString()).startsWith(SHOP + " <");
        assertThat(email.getSubject())
                .as("the shop's own subject replaces the built-in one")
                .isEqualTo(SHOP + " reserviert Kamera Eins für Sie (" + placed.orderId() + ")");
        assertThat(email.getContentType()).startsWith("multipart/alternative");
        String germanDate = german(placed.promisedDate());
        assertThat(plain(MailParts.text(email)))
                .contains("Hallo Grete,", "Kamera Eins", germanDate, "99,80 €", "499,00 €", placed.customerUrl())
                .contains(SHOP, "hilfe@kamera-eck.example", "+49 30 1234567");
        assertThat(plain(MailParts.html(email)))
                .contains("<html lang=\"de-DE\">", "Kamera Eins", germanDate, "hilfe@kamera-eck.example")
                .doesNotContain("<script");
        assertThat(sms)
                .startsWith(SHOP + ", Bestellung " + placed.orderId() + ": ")
                .endsWith(placed.customerUrl());
        assertThat(sms).contains("Kamera Eins", "99,80 €");
    }

    @Test
    void theEmailAndTheCustomerPageReadWellInGermanOnAPhone() throws Exception {
        assumeTrue(
                Files.isExecutable(Browsers.CHROMIUM) && Files.isExecutable(Browsers.CHROMEDRIVER),
                "no Chromium: apt-get install -y chromium chromium-driver (.ci/run does)");
        Placed placed = placeGermanPreorder();
        Path html = Files.createTempFile("waitwell-email", ".html");
        Files.writeString(html, MailParts.html(confirmationOf(placed.orderId())), StandardCharsets.UTF_8);
        browser = Browsers.headlessChromium();
        browser.manage().window().setSize(new Dimension(390, 844));

        browser.get(html.toUri().toString());
        String emailText = plain(visibleText());
        screenshot("email-de-phone");
        browser.get(placed.customerUrl());
        String pageText = plain(visibleText());
        screenshot("page-de-phone");

        assertThat(emailText).contains("Hallo Grete,", "Kamera Eins", german(placed.promisedDate()), SHOP);
        assertThat(pageText)
                .contains("Kamera Eins", german(placed.promisedDate()), "99,80 €", "499,00 €", SHOP)
                .contains("Zugesagt für")
                .doesNotContain(placed.sku());
        browser.get(html.toUri().toString());
        assertThat(fitsTheScreen()).as("the email scrolls sideways on a phone").isTrue();
        browser.get(placed.customerUrl());
        assertThat(fitsTheScreen()).as("the page scrolls sideways on a phone").isTrue();
    }

    @Test
    void aBrokenTemplateStopsTheWorkersStartNamingTheFileAndTheLine() throws Exception {
        Path broken = Files.createTempDirectory("waitwell-broken");
        write(broken, "email/SHIPPED.html", "<p>fine</p>\n<p th:text=\"${order.}\">broken</p>\n");
        Map<String, String> env = new HashMap<>(system.workerEnvironment());
        env.put("WAITWELL_TEMPLATES_DIR", broken.toString());
        // Beside the running worker: ports of its own, and no readiness file of the other's to touch.
        env.put("SERVER_PORT", "0");
        env.put("WAITWELL_WORKER_MANAGEMENT_PORT", "0");
        env.remove("WAITWELL_WORKER_READY_FILE");

        Exit exit = runWorker(env);

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output())
                .contains("A message template is broken")
                .contains(broken.resolve("email/SHIPPED.html").toString())
                .contains("line 2");
    }

    private record Placed(String orderId, String sku, LocalDate promisedDate, String customerUrl) {}

    private static Placed placeGermanPreorder() {
        String sku = "DE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Kamera Eins");
        product.put("price", 49_900);
        product.put("currency", "EUR");
        product.put("releaseDate", LocalDate.now().plusDays(40).toString());
        product.put("depositPercent", 20);
        product.put("backorders", Map.of("allowed", false, "maxWaitDays", 60));
        Response created = system.call("PUT", "/admin/v1/products/" + sku, product, "admin");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String orderId = "de-" + UUID.randomUUID();
        Map<String, Object> customer = Map.of(
                "id",
                "c-" + orderId,
                "name",
                "Grete",
                "email",
                orderId + "@example.com",
                "phone",
                PHONE,
                "channels",
                List.of("EMAIL", "SMS"),
                "locale",
                "de-DE");
        Response placed = system.call(
                "POST",
                "/api/v1/orders",
                Map.of(
                        "orderId",
                        orderId,
                        "customer",
                        customer,
                        "sku",
                        sku,
                        "quantity",
                        1,
                        "paymentPlan",
                        "DEPOSIT",
                        "paymentMethod",
                        "pm_card_visa"),
                "shop");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        JsonNode body = placed.body();
        return new Placed(
                orderId,
                sku,
                LocalDate.parse(body.path("promisedDate").asText()),
                body.path("customerUrl").asText());
    }

    private static MimeMessage confirmationOf(String orderId) {
        RunningSystem.waitFor("the confirmation email", Duration.ofSeconds(60), () -> emailTo(orderId) != null);
        return emailTo(orderId);
    }

    private static MimeMessage emailTo(String orderId) {
        return shop.messagesTo(orderId).stream().findFirst().orElse(null);
    }

    private static String smsAbout(String orderId) {
        RunningSystem.waitFor(
                "the confirmation SMS",
                Duration.ofSeconds(60),
                () -> system.smsBodiesTo(PHONE).stream().anyMatch(body -> body.contains(orderId)));
        String form = system.smsBodiesTo(PHONE).stream()
                .filter(body -> body.contains(orderId))
                .findFirst()
                .orElseThrow();
        String text = form.substring(form.indexOf("Body=") + "Body=".length());
        return text.contains("&") ? text.substring(0, text.indexOf('&')) : text;
    }

    /** German amounts have a no-break space before the euro sign: read as any space. */
    private static String plain(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** "1. Juni 2027", written out here rather than by the formatter under test. */
    private static String german(LocalDate date) {
        return date.getDayOfMonth() + ". " + GERMAN_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
    }

    private String visibleText() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
    }

    private boolean fitsTheScreen() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    /** Kept in target/ for a person to look at: what a German customer sees on a phone. */
    private void screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private record Exit(int code, String output) {}

    /** The worker jar started on its own with {@code env}; its exit code and everything it printed. */
    private static Exit runWorker(Map<String, String> env) throws Exception {
        Path jar = Path.of("..", "worker", "target", "waitwell-worker-exec.jar")
                .toAbsolutePath()
                .normalize();
        Path log = Files.createTempFile("waitwell-worker", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process worker = builder.start();
        if (!worker.waitFor(120, TimeUnit.SECONDS)) {
            worker.destroyForcibly();
            throw new AssertionError("the worker did not stop within 120s:\n" + Files.readString(log));
        }
        return new Exit(worker.exitValue(), Files.readString(log));
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
