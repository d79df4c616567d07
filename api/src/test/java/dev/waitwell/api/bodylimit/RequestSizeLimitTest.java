package dev.waitwell.api.bodylimit;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.TestDatabaseConfig;
import dev.waitwell.api.TestTemporal;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bodies over the limit (64 KB) are refused with 413 before they are read, over real HTTP (Tomcat): declared by
 * their length or sent chunked, JSON or form, to the shop's checkout and to the customer's anonymous endpoints,
 * whose token is then never checked. Stripe's webhook keeps its own, larger limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
@Import({TestDatabaseConfig.class, TestTemporal.class})
class RequestSizeLimitTest {

    private static final int MEGABYTE = 1_000_000;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesAMegabyteCheckoutWithItsLengthDeclaredAndWritesNothing() throws Exception {
        String orderId = unique("huge");

        HttpResponse<String> answer = send(
                json("/api/v1/orders", checkoutOf(orderId, MEGABYTE), false).header("Authorization", basic("shop")));

        assertTooLarge(answer);
        assertThat(orderCount(orderId)).isZero();
    }

    @Test
    void refusesAMegabyteCheckoutSentChunked() throws Exception {
        String orderId = unique("chunked");

        HttpResponse<String> answer = send(
                json("/api/v1/orders", checkoutOf(orderId, MEGABYTE), true).header("Authorization", basic("shop")));

        assertTooLarge(answer);
        assertThat(orderCount(orderId)).isZero();
    }

    @Test
    void refusesAMegabyteToTheCustomersDecisionBeforeItsTokenIsChecked() throws Exception {
        String body = "{\"token\": \"not-a-token\", \"choice\": \"WAIT\", \"note\": \"" + "x".repeat(MEGABYTE) + "\"}";

        assertTooLarge(send(json("/c/v1/orders/o-1/decision", body, false)));
        assertTooLarge(send(json("/c/v1/orders/o-1/decision", body, true)));
        // A body within the limit is read and its token checked.
        HttpResponse<String> small =
                send(json("/c/v1/orders/o-1/decision", "{\"token\": \"not-a-token\", \"choice\": \"WAIT\"}", true));
        assertThat(small.statusCode()).isEqualTo(403);
        assertThat(small.body()).contains("LINK_INVALID");
    }

    @Test
    void refusesAMegabyteFormToTheCustomersPageEvenChunked() throws Exception {
        String form = "token=not-a-token&choice=WAIT&note=" + "x".repeat(MEGABYTE);

        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/c/orders/o-1/decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(publisher(form, chunked)));

            assertTooLarge(answer);
        }
    }

    @Test
    void takesANormalCheckoutSentEitherWay() throws Exception {
        String sku = unique("SIZE");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/admin/v1/products/" + sku))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("admin"))
                .PUT(HttpRequest.BodyPublishers.ofString(product(1_000, "EUR", inDays(60), null, 0))));
        assertThat(created.statusCode()).isEqualTo(201);

        for (boolean chunked : new boolean[] {false, true}) {
            String orderId = unique("fine");
            HttpResponse<String> placed =
                    send(json("/api/v1/orders", order(orderId, sku, 1, "FULL", "pm_card_visa"), chunked)
                            .header("Authorization", basic("shop")));

            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            assertThat(orderCount(orderId)).isEqualTo(1);
        }
    }

    @Test
    void letsAStripeEventLargerThanOurOwnBodiesReachItsSignatureCheck() throws Exception {
        String event =
                "{\"id\": \"evt_big\", \"type\": \"customer.updated\", \"note\": \"" + "x".repeat(200_000) + "\"}";

        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> answer = send(json("/webhooks/stripe", event, chunked));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("SIGNATURE_INVALID");
        }
        assertTooLarge(send(json("/webhooks/stripe", event.repeat(6), true)));
    }

    private static void assertTooLarge(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    private HttpRequest.Builder json(String path, String body, boolean chunked) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(publisher(body, chunked));
    }

    /** Chunked: a body from a stream has no length, so the client sends it with Transfer-Encoding: chunked. */
    private static HttpRequest.BodyPublisher publisher(String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String checkoutOf(String orderId, int size) {
        return """
                {"orderId": "%s", "customer": {"id": "c-1", "name": "%s", "channels": []}, "sku": "S-1",
                 "quantity": 1, "paymentPlan": "FULL", "paymentMethod": "pm_card_visa"}""".formatted(orderId, "x".repeat(size));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private long orderCount(String orderId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }
}
