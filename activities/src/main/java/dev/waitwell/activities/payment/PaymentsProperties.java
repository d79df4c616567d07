package dev.waitwell.activities.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.payments.*}. There is no default gateway: a production-like run never fakes payments because a
 * variable was forgotten (the {@code local} profile of the worker sets {@code sandbox}).
 *
 * @param gateway which {@link PaymentGateway} moves money ({@code WAITWELL_PAYMENTS_GATEWAY}: {@code stripe} or
 *     {@code sandbox})
 * @param stripe how to reach Stripe, for {@code stripe}
 */
@ConfigurationProperties("waitwell.payments")
record PaymentsProperties(Gateway gateway, @DefaultValue Stripe stripe) {

    enum Gateway {
        /** Simulated in PostgreSQL: the local run's and the tests'. */
        SANDBOX,
        /** Real cards through Stripe. */
        STRIPE
    }

    PaymentsProperties {
        if (gateway == null) {
            throw new IllegalArgumentException("waitwell.payments.gateway (WAITWELL_PAYMENTS_GATEWAY) is not set: set"
                    + " it to stripe to take payments through Stripe, or to sandbox to simulate them (the local"
                    + " profile simulates them)");
        }
        if (gateway == Gateway.STRIPE) {
            stripe.requireSecretKey();
        }
    }

    /**
     * {@code waitwell.payments.stripe.*}.
     *
     * @param secretKey the secret (or restricted) API key, {@code sk_live_...} or {@code sk_test_...}
     *     ({@code WAITWELL_PAYMENTS_STRIPE_SECRET_KEY}); never logged
     * @param webhookSecret the signing secret of the webhook endpoint ({@code WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET}),
     *     used by the API; the worker does not need it
     * @param apiBase Stripe's API ({@code WAITWELL_PAYMENTS_STRIPE_API_BASE}); tests point it at a stand-in
     * @param connectTimeout how long to wait for a connection to Stripe
     * @param readTimeout how long to wait for one answer of Stripe. A charge may ask several times in a row within one
     *     attempt of the payment activity (attach, create, confirm; the customer on their first order; a search),
     *     and the attempt has 30 s: three slow answers must still end inside it, so that the attempt fails on its own
     *     and the retry, under the same keys, gets the first outcome
     */
    record Stripe(
            String secretKey,
            String webhookSecret,
            @DefaultValue("https://api.stripe.com") String apiBase,
            @DefaultValue("PT3S") Duration connectTimeout,
            @DefaultValue("PT8S") Duration readTimeout) {

        Stripe {
            // Compose passes an unset variable as blank: blank means Stripe's own API.
            apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        }

        void requireSecretKey() {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("waitwell.payments.stripe.secret-key"
                        + " (WAITWELL_PAYMENTS_STRIPE_SECRET_KEY) is not set: the stripe gateway needs the account's"
                        + " secret key (sk_live_... or sk_test_...)");
            }
            if (!secretKey.startsWith("sk_") && !secretKey.startsWith("rk_")) {
                throw new IllegalArgumentException("waitwell.payments.stripe.secret-key"
                        + " (WAITWELL_PAYMENTS_STRIPE_SECRET_KEY) must be a secret key (sk_...) or a restricted key"
                        + " (rk_...); a publishable key (pk_...) cannot charge");
            }
        }

        /** Secrets stay out of logs and error messages. */
        @Override
        public String toString() {
            return "Stripe[secretKey=" + hidden(secretKey) + ", webhookSecret=" + hidden(webhookSecret) + ", apiBase="
                    + apiBase + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }

        private static String hidden(String secret) {
            return secret == null || secret.isBlank() ? "(not set)" : "(set)";
        }
    }
}
