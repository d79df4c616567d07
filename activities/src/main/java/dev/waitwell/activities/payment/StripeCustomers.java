package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One Stripe Customer per Waitwell customer ({@code stripe_customers}): created the first time one of their orders
 * pays, reused by every later order, so the cards attached to it are theirs to be charged again.
 */
final class StripeCustomers {

    /** The payment method type Waitwell takes: cards. */
    static final String CARD = "card";

    private static final Logger log = LoggerFactory.getLogger(StripeCustomers.class);

    private final StripeClient stripe;
    private final JdbcClient jdbc;

    StripeCustomers(StripeClient stripe, JdbcClient jdbc) {
        this.stripe = stripe;
        this.jdbc = jdbc;
    }

    /**
     * The Stripe Customer of the order's customer. Created under a key of the order, so a retry creates none; two
     * orders of one customer racing each create one, and the first stored is the one both use.
     */
    String forOrder(String orderId) throws StripeException {
        OrderCustomer customer = jdbc.sql(
                        "SELECT customer_id, customer_email, customer_name FROM orders WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, n) -> new OrderCustomer(
                        rs.getString("customer_id"), rs.getString("customer_email"), rs.getString("customer_name")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no order " + orderId));
        Optional<String> known = stored(customer.id());
        if (known.isPresent()) {
            return known.get();
        }
        Customer created = stripe.v1()
                .customers()
                .create(
                        CustomerCreateParams.builder()
                                .setEmail(customer.email())
                                .setName(customer.name())
                                .putMetadata("waitwell_customer_id", customer.id())
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey(orderId + "/stripe-customer")
                                .build());
        jdbc.sql("""
                        INSERT INTO stripe_customers (customer_id, stripe_customer_id) VALUES (:customerId, :stripeId)
                        ON CONFLICT (customer_id) DO NOTHING""")
                .param("customerId", customer.id())
                .param("stripeId", created.getId())
                .update();
        log.info("Stripe customer {} for customer {} (order {})", created.getId(), customer.id(), orderId);
        return stored(customer.id()).orElseThrow();
    }

    /** Attaches the payment method to the Stripe Customer, so it can be charged again later; Stripe checks the card. */
    void attach(String paymentMethod, String customer, String idempotencyKey) throws StripeException {
        stripe.v1()
                .paymentMethods()
                .attach(
                        paymentMethod,
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer)
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey(idempotencyKey)
                                .build());
    }

    private Optional<String> stored(String customerId) {
        return jdbc.sql("SELECT stripe_customer_id FROM stripe_customers WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .query(String.class)
                .optional();
    }

    private record OrderCustomer(String id, String email, String name) {}
}
