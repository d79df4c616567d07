package dev.waitwell.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class PaymentMethodsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentMethods configured;

    @Test
    void theSandboxKnowsTheMethodsOfItsTableOnly() {
        PaymentMethods sandbox = methods(PaymentsProperties.Gateway.SANDBOX);

        assertThat(sandbox.exists("pm_card_visa")).isTrue();
        assertThat(sandbox.exists("pm_card_chargeDeclined")).isTrue();
        assertThat(sandbox.exists("pm_1QxYzAbCdEfGhIjKlMnOpQrS")).isFalse();
        assertThat(sandbox.refusal("pm_1Qx")).isEqualTo("The payment method pm_1Qx is unknown to the payment gateway.");
    }

    @Test
    void stripeTakesAnyWellFormedPaymentMethodIdAndLeavesTheRestToStripe() {
        PaymentMethods stripe = methods(PaymentsProperties.Gateway.STRIPE);

        assertThat(stripe.exists("pm_1QxYzAbCdEfGhIjKlMnOpQrS")).isTrue();
        assertThat(stripe.exists("pm_card_visa")).isTrue();
        assertThat(stripe.exists("pm_card_authenticationRequired")).isTrue();
        assertThat(stripe.refusal("tok_visa")).contains("is not a Stripe PaymentMethod id");
    }

    @Test
    void stripeRefusesWhatIsNoPaymentMethodId() {
        PaymentMethods stripe = methods(PaymentsProperties.Gateway.STRIPE);

        assertThat(stripe.exists("tok_visa")).isFalse();
        assertThat(stripe.exists("card_1QxYz")).isFalse();
        assertThat(stripe.exists("pm_")).isFalse();
        assertThat(stripe.exists("pm_1Qx-Yz")).isFalse();
        assertThat(stripe.exists("pm_1Qx Yz")).isFalse();
        assertThat(stripe.exists("pm_1QxYz\n")).isFalse();
        assertThat(stripe.exists("PM_1QxYz")).isFalse();
        assertThat(stripe.exists("pm_" + "a".repeat(120))).isTrue();
        assertThat(stripe.exists("pm_" + "a".repeat(121))).isFalse();
    }

    @Test
    void theTestsRunWithTheSandboxUnlessTheyAskForStripe() {
        assertThat(configured.exists("pm_card_visa")).isTrue();
        assertThat(configured.exists("pm_1QxYzAbCdEfGhIjKlMnOpQrS")).isFalse();
    }

    private PaymentMethods methods(PaymentsProperties.Gateway gateway) {
        return new PaymentMethods(jdbc, new PaymentsProperties(gateway, new PaymentsProperties.Stripe(null)));
    }
}
