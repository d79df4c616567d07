package dev.waitwell.api.payment;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a payment method may be given to the configured gateway. With Stripe, any well-formed PaymentMethod id:
 * Stripe is the authority, and a method it does not know becomes a payment issue on the order. With the sandbox,
 * the methods of its {@code payment_methods} table.
 */
@Component
public class PaymentMethods {

    /** A Stripe PaymentMethod id ({@code pm_...}): Stripe's ids are letters, digits and underscores. */
    private static final Pattern STRIPE_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,120}");

    private final JdbcClient jdbc;
    private final PaymentsProperties.Gateway gateway;

    PaymentMethods(JdbcClient jdbc, PaymentsProperties properties) {
        this.jdbc = jdbc;
        this.gateway = properties.gateway();
    }

    public boolean exists(String paymentMethod) {
        return switch (gateway) {
            case STRIPE -> STRIPE_METHOD.matcher(paymentMethod).matches();
            case SANDBOX -> inSandbox(paymentMethod);
        };
    }

    /** Why {@code paymentMethod} is refused, in words for the caller. */
    public String refusal(String paymentMethod) {
        return switch (gateway) {
            case STRIPE ->
                "The payment method " + paymentMethod + " is not a Stripe PaymentMethod id (pm_ followed by letters, "
                        + "digits or underscores).";
            case SANDBOX -> "The payment method " + paymentMethod + " is unknown to the payment gateway.";
        };
    }

    private boolean inSandbox(String paymentMethod) {
        return jdbc.sql("SELECT count(*) FROM payment_methods WHERE id = ?")
                        .param(paymentMethod)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
