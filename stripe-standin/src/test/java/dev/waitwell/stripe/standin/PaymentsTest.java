package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SetupIntentCreateParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentsTest extends StandInTest {

    @Test
    void aVisaCardPaysAtOnceAndIsSavedOnTheCustomerForLater() throws Exception {
        String customer = client.v1()
                .customers()
                .create(com.stripe.param.CustomerCreateParams.builder().build(), key(newKey()))
                .getId();

        PaymentIntent paid = chargeOnSession(customer, "pm_card_visa", 2000, "https://shop.example/o/1");

        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getAmountReceived()).isEqualTo(2000);
        assertThat(paid.getLatestCharge()).startsWith("ch_");
        assertThat(client.v1().paymentMethods().retrieve("pm_card_visa").getCustomer())
                .isEqualTo(customer);
        PaymentIntent later = chargeOffSession(customer, "pm_card_visa", 8000, newKey());
        assertThat(later.getStatus()).isEqualTo("succeeded");
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_chargeCustomerFail, card_declined, generic_decline",
        "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds"
    })
    void aDeclinedChargeIsACardErrorCarryingTheIntentThatNeedsANewMethod(String card, String code, String declineCode)
            throws Exception {
        String customer = customerWith(card);

        assertThatThrownBy(() -> chargeOffSession(customer, card, 2000, newKey()))
                .isInstanceOfSatisfying(CardException.class, declined -> {
                    assertThat(declined.getStatusCode()).isEqualTo(402);
                    assertThat(declined.getCode()).isEqualTo(code);
                    assertThat(declined.getDeclineCode()).isEqualTo(declineCode);
                    PaymentIntent intent = declined.getStripeError().getPaymentIntent();
                    assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
                    assertThat(intent.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_chargeDeclined, card_declined, generic_decline",
        "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
        "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
        "pm_card_chargeDeclinedProcessingError, processing_error, processing_error"
    })
    void aCardThatDeclinesEverythingIsDeclinedWhenAttached(String card, String code, String declineCode)
            throws Exception {
        String customer = client.v1()
                .customers()
                .create(com.stripe.param.CustomerCreateParams.builder().build(), key(newKey()))
                .getId();

        assertThatThrownBy(() -> client.v1()
                        .paymentMethods()
                        .attach(
                                card,
                                PaymentMethodAttachParams.builder()
                                        .setCustomer(customer)
                                        .build(),
                                key(newKey())))
                .isInstanceOfSatisfying(CardException.class, declined -> {
                    assertThat(declined.getCode()).isEqualTo(code);
                    assertThat(declined.getDeclineCode()).isEqualTo(declineCode);
                });
    }

    @Test
    void anUnknownPaymentMethodIsAMissingResource() {
        assertThatThrownBy(() -> chargeOffSession(null, "pm_card_unheard_of", 2000, newKey()))
                .isInstanceOfSatisfying(InvalidRequestException.class, missing -> {
                    assertThat(missing.getStatusCode()).isEqualTo(400);
                    assertThat(missing.getCode()).isEqualTo("resource_missing");
                    assertThat(missing.getParam()).isEqualTo("payment_method");
                });
    }

    @Test
    void onSessionTheBankAsksForAuthenticationOnAPageOfTheStandInThatLeadsBackToTheReturnUrl() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");

        PaymentIntent waiting =
                chargeOnSession(customer, "pm_card_authenticationRequired", 2000, "https://shop.example/o/1");

        assertThat(waiting.getStatus()).isEqualTo("requires_action");
        assertThat(waiting.getNextAction().getType()).isEqualTo("redirect_to_url");
        assertThat(waiting.getNextAction().getRedirectToUrl().getUrl())
                .startsWith(stripe.baseUrl() + "/_standin/authenticate/" + waiting.getId());
        assertThat(waiting.getNextAction().getRedirectToUrl().getReturnUrl()).isEqualTo("https://shop.example/o/1");

        assertThat(stripe.completeAuthentication(waiting.getId(), true)).isEqualTo("succeeded");
        PaymentIntent reread = client.v1().paymentIntents().retrieve(waiting.getId());
        assertThat(reread.getStatus()).isEqualTo("succeeded");
        assertThat(reread.getNextAction()).isNull();
    }

    @Test
    void aFailedAuthenticationLeavesTheIntentNeedingANewMethod() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");
        PaymentIntent waiting =
                chargeOnSession(customer, "pm_card_authenticationRequired", 2000, "https://shop.example/o/1");

        stripe.completeAuthentication(waiting.getId(), false);

        PaymentIntent reread = client.v1().paymentIntents().retrieve(waiting.getId());
        assertThat(reread.getStatus()).isEqualTo("requires_payment_method");
        assertThat(reread.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
    }

    @Test
    void offSessionAuthenticationRequiredIsACardErrorWhoseIntentCanBeConfirmedAgainOnSession() throws Exception {
        String customer = customerWith("pm_card_authenticationRequired");

        CardException declined = (CardException) org.assertj.core.api.Assertions.catchThrowable(
                () -> chargeOffSession(customer, "pm_card_authenticationRequired", 8000, newKey()));

        assertThat(declined.getCode()).isEqualTo("authentication_required");
        PaymentIntent intent = declined.getStripeError().getPaymentIntent();
        PaymentIntent waiting = client.v1()
                .paymentIntents()
                .confirm(
                        intent.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod(intent.getPaymentMethod())
                                .setReturnUrl("https://shop.example/o/2")
                                .build(),
                        key(newKey()));
        assertThat(waiting.getStatus()).isEqualTo("requires_action");
        assertThat(waiting.getNextAction().getRedirectToUrl().getUrl()).startsWith(stripe.baseUrl());
    }

    @Test
    void aSetupIntentSavesTheCardOrWaitsOnTheBank() throws Exception {
        String customer = client.v1()
                .customers()
                .create(com.stripe.param.CustomerCreateParams.builder().build(), key(newKey()))
                .getId();

        SetupIntent saved = setUp(customer, "pm_card_visa");
        SetupIntent waiting = setUp(customer, "pm_card_authenticationRequired");

        assertThat(saved.getStatus()).isEqualTo("succeeded");
        assertThat(saved.getUsage()).isEqualTo("off_session");
        assertThat(client.v1().paymentMethods().retrieve("pm_card_visa").getCustomer())
                .isEqualTo(customer);
        assertThat(waiting.getStatus()).isEqualTo("requires_action");
        assertThat(waiting.getNextAction().getRedirectToUrl().getUrl()).startsWith(stripe.baseUrl());
        assertThat(stripe.completeAuthentication(waiting.getId(), true)).isEqualTo("succeeded");
    }

    @Test
    void searchFindsIntentsByTheirMetadata() throws Exception {
        String customer = customerWith("pm_card_visa");
        String wanted = newKey();
        chargeOffSession(customer, "pm_card_visa", 1000, newKey());
        PaymentIntent charged = chargeOffSession(customer, "pm_card_visa", 2000, wanted);

        var found = client.v1()
                .paymentIntents()
                .search(PaymentIntentSearchParams.builder()
                        .setQuery("metadata['charge_key']:'" + wanted + "'")
                        .build());

        assertThat(found.getData()).extracting(PaymentIntent::getId).containsExactly(charged.getId());
        assertThat(stripe.paymentIntentsWithMetadata("charge_key", wanted)).containsExactly(charged.getId());
    }

    @Test
    void zeroDecimalAmountsAreTakenAsTheyAreAndThreeDecimalOnesMustEndInZero() throws Exception {
        PaymentIntent yen = client.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(1999L)
                                .setCurrency("jpy")
                                .setPaymentMethod("pm_card_visa")
                                .addPaymentMethodType("card")
                                .setConfirm(true)
                                .build(),
                        key(newKey()));

        assertThat(yen.getAmountReceived()).isEqualTo(1999);
        assertThat(yen.getCurrency()).isEqualTo("jpy");
        assertThatThrownBy(() -> client.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setAmount(12345L)
                                        .setCurrency("bhd")
                                        .setPaymentMethod("pm_card_visa")
                                        .addPaymentMethodType("card")
                                        .setConfirm(true)
                                        .build(),
                                key(newKey())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must end in 0");
    }

    @Test
    void anAmountBelowStripesSmallestChargeIsRefused() {
        assertThatThrownBy(() -> chargeOffSession(null, "pm_card_visa", 20, newKey()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("amount_too_small"));
    }

    @Test
    void confirmingWithRedirectingMethodsNeedsAReturnUrlAsAtStripe() {
        assertThatThrownBy(() -> client.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setAmount(2000L)
                                        .setCurrency("usd")
                                        .setPaymentMethod("pm_card_visa")
                                        .setConfirm(true)
                                        .build(),
                                key(newKey())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("return_url");
    }

    private SetupIntent setUp(String customer, String paymentMethod) throws Exception {
        return client.v1()
                .setupIntents()
                .create(
                        SetupIntentCreateParams.builder()
                                .setCustomer(customer)
                                .setPaymentMethod(paymentMethod)
                                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                                .addPaymentMethodType("card")
                                .setConfirm(true)
                                .setReturnUrl("https://shop.example/o/3")
                                .build(),
                        key(newKey()));
    }
}
