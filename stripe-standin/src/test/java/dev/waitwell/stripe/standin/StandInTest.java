package dev.waitwell.stripe.standin;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh stand-in per test, and stripe-java pointed at it as production points it at Stripe. */
abstract class StandInTest {

    protected StripeStandIn stripe;
    protected StripeClient client;

    @BeforeEach
    void startStandIn() {
        stripe = StripeStandIn.start();
        client = StripeClient.builder()
                .setApiKey("sk_test_standin")
                .setApiBase(stripe.baseUrl())
                .setReadTimeout(2_000)
                .build();
    }

    @AfterEach
    void stopStandIn() {
        stripe.close();
    }

    protected static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    protected static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    protected String customerWith(String paymentMethod) throws StripeException {
        Customer customer = client.v1()
                .customers()
                .create(
                        CustomerCreateParams.builder()
                                .setEmail("ada@example.com")
                                .build(),
                        key(newKey()));
        client.v1()
                .paymentMethods()
                .attach(
                        paymentMethod,
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer.getId())
                                .build(),
                        key(newKey()));
        return customer.getId();
    }

    /** A later charge: off-session on the saved method. */
    protected PaymentIntent chargeOffSession(String customer, String paymentMethod, long amount, String key)
            throws StripeException {
        return client.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(amount)
                                .setCurrency("usd")
                                .setCustomer(customer)
                                .setPaymentMethod(paymentMethod)
                                .addPaymentMethodType("card")
                                .setConfirm(true)
                                .setOffSession(true)
                                .putMetadata("charge_key", key)
                                .build(),
                        key(key));
    }

    /** A checkout charge: on-session, saving the method, coming back to {@code returnUrl} after the bank. */
    protected PaymentIntent chargeOnSession(String customer, String paymentMethod, long amount, String returnUrl)
            throws StripeException {
        return client.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(amount)
                                .setCurrency("usd")
                                .setCustomer(customer)
                                .setPaymentMethod(paymentMethod)
                                .addPaymentMethodType("card")
                                .setConfirm(true)
                                .setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION)
                                .setReturnUrl(returnUrl)
                                .build(),
                        key(newKey()));
    }
}
