package dev.waitwell.api.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.payments.*}.
 *
 * @param gateway who moves the money: {@code stripe} (real cards) or {@code sandbox} (fake money, for demos and
 *     tests); required outside the local profile, so that no production-like API fakes payments silently
 * @param stripe the settings of Stripe's webhook endpoint
 */
@ConfigurationProperties("waitwell.payments")
record PaymentsProperties(Gateway gateway, @DefaultValue Stripe stripe) {

    enum Gateway {
        /** Stripe is the authority on payment methods; its webhooks report what happens to charges. */
        STRIPE,
        /** The sandbox's {@code payment_methods} table lists the methods that exist. */
        SANDBOX
    }

    PaymentsProperties {
        if (gateway == null) {
            throw new IllegalStateException("No payment gateway is configured. Set WAITWELL_PAYMENTS_GATEWAY (property "
                    + "waitwell.payments.gateway) to stripe for real cards or to sandbox for fake money (demos and "
                    + "tests only), or run with the 'local' profile, which uses the sandbox.");
        }
    }

    /**
     * @param webhookSecret the signing secret ({@code whsec_...}) of the endpoint registered in Stripe's dashboard;
     *     unset: every webhook is refused (400)
     */
    record Stripe(String webhookSecret) {

        boolean webhookConfigured() {
            return webhookSecret != null && !webhookSecret.isBlank();
        }

        /** Never the secret: a record's own toString would print it wherever the properties are logged. */
        @Override
        public String toString() {
            return "Stripe[webhookSecret=" + (webhookConfigured() ? "(hidden)" : "none") + "]";
        }
    }
}
