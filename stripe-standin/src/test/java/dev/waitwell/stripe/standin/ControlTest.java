package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a test in another process drives over HTTP: the bank's page, and the stand-in's controls. */
class ControlTest extends StandInTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theBanksPageConfirmsThePaymentAndSendsTheCustomerBackToTheReturnUrl() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting =
                chargeOnSession(customer, "pm_card_authenticationRequired", 2000, "https://shop.example/o/1?token=t");
        String bankPage = waiting.getNextAction().getRedirectToUrl().getUrl();

        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(bankPage)).build(), body());
        HttpResponse<String> confirmed = post(bankPage, "outcome=succeeded");

        assertThat(page.body()).contains("Complete authentication", "Fail authentication");
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location"))
                .contains("https://shop.example/o/1?token=t&payment_intent=" + waiting.getId()
                        + "&redirect_status=succeeded");
        assertThat(client.v1().paymentIntents().retrieve(waiting.getId()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void anotherProcessFinishesAuthenticationRefundsInTheDashboardAndGetsSignedEvents() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting =
                chargeOnSession(customer, "pm_card_authenticationRequired", 2000, "https://shop.example");

        HttpResponse<String> authenticated =
                post(stripe.baseUrl() + "/_standin/intents/" + waiting.getId() + "/authentication?succeeded=true", "");
        HttpResponse<String> refunded = post(
                stripe.baseUrl() + "/_standin/payment_intents/" + waiting.getId() + "/dashboard_refund?amount=500", "");
        HttpResponse<String> event = http.send(
                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/_standin/events/signed?type=charge.refunded"
                                + "&payment_intent=" + waiting.getId() + "&secret=whsec_x"))
                        .build(),
                body());

        assertThat(authenticated.body()).isEqualTo("{\"status\":\"succeeded\"}");
        assertThat(refunded.body()).contains("\"id\":\"re_");
        assertThat(stripe.refundedAmount(waiting.getId())).isEqualTo(500);
        String payload = com.google.gson.JsonParser.parseString(event.body())
                .getAsJsonObject()
                .get("payload")
                .getAsString();
        String signature = com.google.gson.JsonParser.parseString(event.body())
                .getAsJsonObject()
                .get("signature")
                .getAsString();
        assertThat(Webhook.constructEvent(payload, signature, "whsec_x").getType())
                .isEqualTo("charge.refunded");
    }

    @Test
    void anotherProcessAsksForAServerErrorKeptUnderTheKey() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();

        HttpResponse<String> asked = post(
                stripe.baseUrl() + "/_standin/outage?fail_kept=1&carried_out=true&method=POST&path=/v1/payment_intents",
                "");

        assertThat(asked.statusCode()).isEqualTo(200);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> chargeOffSession(customer, "pm_card_visa", 2000, key)))
                    .isInstanceOf(com.stripe.exception.ApiException.class);
        }
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).hasSize(1);
    }

    @Test
    void aRequestWithoutASecretKeyIsUnauthorizedAndRecorded() throws Exception {
        HttpResponse<String> answer = post(stripe.baseUrl() + "/v1/customers", "email=a%40b.c");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(stripe.requests()).singleElement().satisfies(request -> {
            assertThat(request.is("POST", "/v1/customers")).isTrue();
            assertThat(request.param("email")).isEqualTo("a@b.c");
            assertThat(request.idempotencyKey()).isNull();
        });
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/_standin/requests"))
                                        .build(),
                                body())
                        .body())
                .contains("\"path\":\"/v1/customers\"", "\"email\":\"a@b.c\"");
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                body());
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
