package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What Stripe refuses for good, and what it refuses for now. */
class RefusalsTest extends StandInTest {

    @Test
    void aRefusalAnswersAsStripeDoesAndKeepsNothingUnderTheKey() throws Exception {
        String customer = customerWith("pm_card_visa");
        String key = newKey();
        stripe.refuseNextRequests("POST", "/v1/payment_intents", 1, Refusal.PAYMENT_METHOD_OF_ANOTHER_CUSTOMER);

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, key))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    assertThat(refused.getParam()).isEqualTo("payment_method");
                    assertThat(refused.getMessage()).contains("already been attached to a customer");
                });
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", key)).isEmpty();

        assertThat(chargeOffSession(customer, "pm_card_visa", 2000, key).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void aStarInThePathStandsForTheIntentsId() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting =
                chargeOnSession(customer, "pm_card_authenticationRequired", 2000, "https://shop.example/o/1");
        stripe.refuseNextRequests("POST", "/v1/payment_intents/*/confirm", 1, Refusal.PAYMENT_METHOD_USED_BEFORE);

        assertThatThrownBy(() -> client.v1().paymentIntents().confirm(waiting.getId(), key(newKey())))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.getMessage()).contains("may not be used again"));
        assertThat(client.v1().paymentIntents().retrieve(waiting.getId()).getStatus())
                .isEqualTo("requires_action");
    }

    @Test
    void rateLimitsLockTimeoutsAndKeysInUseAreTheErrorsStripeJavaMakesOfThem() throws Exception {
        String customer = customerWith("pm_card_visa");
        stripe.refuseNextRequests("POST", "/v1/payment_intents", 1, Refusal.RATE_LIMITED);
        stripe.refuseNextRequests("POST", "/v1/payment_intents", 1, Refusal.LOCK_TIMEOUT);
        stripe.refuseNextRequests("POST", "/v1/payment_intents", 1, Refusal.IDEMPOTENCY_KEY_IN_USE);

        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOfSatisfying(RateLimitException.class, limited -> {
                    assertThat(limited.getStatusCode()).isEqualTo(429);
                    assertThat(limited.getCode()).isEqualTo("rate_limit");
                });
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        locked -> assertThat(locked.getCode()).isEqualTo("lock_timeout"));
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOfSatisfying(ApiException.class, inUse -> {
                    assertThat(inUse.getStatusCode()).isEqualTo(409);
                    assertThat(inUse.getCode()).isEqualTo("idempotency_key_in_use");
                });
    }

    @Test
    void anotherProcessAsksForARefusalOfOneEndpoint() throws Exception {
        String customer = customerWith("pm_card_visa");
        HttpResponse<String> asked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stripe.baseUrl()
                                        + "/_standin/outage?refuse=1&refusal=rate_limited&method=POST"
                                        + "&path=/v1/payment_intents"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void aDeletedCustomerIsReadAsDeletedAndNamedInARequestIsMissing() throws Exception {
        String customer = customerWith("pm_card_visa");

        stripe.deleteCustomer(customer);

        Customer read = client.v1().customers().retrieve(customer);
        assertThat(read.getDeleted()).isTrue();
        assertThat(client.v1().paymentMethods().retrieve("pm_card_visa").getCustomer())
                .isNull();
        assertThatThrownBy(() -> client.v1()
                        .paymentMethods()
                        .attach(
                                "pm_card_visa",
                                PaymentMethodAttachParams.builder()
                                        .setCustomer(customer)
                                        .build(),
                                key(newKey())))
                .isInstanceOfSatisfying(InvalidRequestException.class, missing -> {
                    assertThat(missing.getStatusCode()).isEqualTo(400);
                    assertThat(missing.getCode()).isEqualTo("resource_missing");
                    assertThat(missing.getParam()).isEqualTo("customer");
                });
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        missing -> assertThat(missing.getParam()).isEqualTo("customer"));
    }

    @Test
    void theApiDeletesACustomerToo() throws Exception {
        String customer = customerWith("pm_card_visa");

        Customer deleted = client.v1().customers().delete(customer);

        assertThat(deleted.getDeleted()).isTrue();
        assertThatThrownBy(() -> chargeOffSession(customer, "pm_card_visa", 2000, newKey()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCurrencyStripeTakesNoPaymentsInIsRefused() throws Exception {
        String customer = customerWith("pm_card_visa");

        assertThatThrownBy(() -> client.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setAmount(200000L)
                                        .setCurrency("irr")
                                        .setCustomer(customer)
                                        .setPaymentMethod("pm_card_visa")
                                        .addPaymentMethodType("card")
                                        .setConfirm(true)
                                        .setOffSession(true)
                                        .build(),
                                key(newKey())))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    assertThat(refused.getParam()).isEqualTo("currency");
                });
        PaymentIntent usd = chargeOffSession(customer, "pm_card_visa", 2000, newKey());
        assertThat(usd.getStatus()).isEqualTo("succeeded");
    }
}
