package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one {@link PaymentGateway} {@code waitwell.payments.gateway} names. */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(PaymentsProperties payments, JdbcClient jdbc) {
        return switch (payments.gateway()) {
            case SANDBOX -> {
                log.info("Payments go through the sandbox: no real money moves");
                yield new SandboxPaymentGateway(jdbc);
            }
            case STRIPE -> {
                PaymentsProperties.Stripe stripe = payments.stripe();
                log.info("Payments go through Stripe at {}", stripe.apiBase());
                StripeClient client = client(stripe);
                yield new StripePaymentGateway(client, new StripeCustomers(client, jdbc));
            }
        };
    }

    /**
     * No network retries in the SDK: the activity retries with backoff, with the same idempotency keys, and a long
     * answer must end before the activity's timeout does.
     */
    private static StripeClient client(PaymentsProperties.Stripe stripe) {
        return StripeClient.builder()
                .setApiKey(stripe.secretKey())
                .setApiBase(stripe.apiBase())
                .setConnectTimeout(Math.toIntExact(stripe.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(stripe.readTimeout().toMillis()))
                .setMaxNetworkRetries(0)
                .build();
    }
}
