package dev.waitwell.activities.payment;

import dev.waitwell.activities.ActivitiesTestApplication;
import dev.waitwell.activities.testing.OrderFixture;
import dev.waitwell.schema.testing.TestDatabase;
import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.stripe.standin.StripeStandIn;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment activities with the Stripe gateway: the real stripe-java client over HTTP against the Stripe stand-in,
 * and a real PostgreSQL database. One stand-in for the JVM, so subclasses share one context; each test remembers
 * where the stand-in's record stood when it began and looks only at the requests made since.
 */
@SpringBootTest(
        classes = ActivitiesTestApplication.class,
        properties = {
            "waitwell.payments.gateway=stripe",
            "waitwell.payments.stripe.secret-key=sk_test_waitwell",
            "waitwell.payments.stripe.read-timeout=PT1S",
            "waitwell.messages.outbox.enabled=false"
        })
abstract class StripeTest {

    static final StripeStandIn STRIPE = StripeStandIn.start();
    static final String RETURN_URL = "https://shop.example/orders/";

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("paymentActivities") PaymentActivities payments;

    JdbcClient jdbc;
    OrderFixture fixture;
    private int requestsBefore;

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("waitwell.payments.stripe.api-base", STRIPE::baseUrl);
    }

    @BeforeEach
    void fixtures() {
        jdbc = JdbcClient.create(dataSource);
        fixture = new OrderFixture(dataSource);
        STRIPE.endOutages(); // one a test set up and did not reach
        requestsBefore = STRIPE.requests().size();
    }

    /** The requests Stripe received since the test began. */
    List<RecordedRequest> requests() {
        List<RecordedRequest> all = STRIPE.requests();
        return all.subList(requestsBefore, all.size());
    }

    List<RecordedRequest> requests(String method, String path) {
        return requests().stream().filter(request -> request.is(method, path)).toList();
    }

    /** A pre-order of a customer of its own, so what Stripe sees of one test is not another's. */
    String order() {
        String orderId = fixture.preorder();
        jdbc.sql("UPDATE orders SET customer_id = ?, customer_name = 'Ada' WHERE order_id = ?")
                .params("cust-" + UUID.randomUUID(), orderId)
                .update();
        return orderId;
    }

    /** A pre-order of the customer of {@code otherOrder}. */
    String orderOfTheCustomerOf(String otherOrder) {
        String orderId = fixture.preorder();
        jdbc.sql(
                        "UPDATE orders SET customer_id = (SELECT customer_id FROM orders WHERE order_id = ?) WHERE order_id = ?")
                .params(otherOrder, orderId)
                .update();
        return orderId;
    }

    static ChargeRequest atCheckout(String orderId, Money amount, String method) {
        return new ChargeRequest(
                orderId, "deposit-1", ChargePurpose.DEPOSIT, amount, method, true, RETURN_URL + orderId);
    }

    static ChargeRequest later(String orderId, String step, Money amount, String method) {
        return new ChargeRequest(orderId, step, ChargePurpose.BALANCE, amount, method, false, RETURN_URL + orderId);
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    static PaymentIssue issueOf(Throwable failure) {
        return ((ApplicationFailure) failure).getDetails().get(PaymentIssue.class);
    }

    /** Debits minus credits of the order's postings on one account. */
    long balance(String orderId, String account) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.debit_minor - l.credit_minor), 0) FROM ledger_lines l
                          JOIN ledger_transactions t ON t.id = l.transaction_id
                         WHERE t.order_id = ? AND l.account = ?""").params(orderId, account).query(Long.class).single();
    }

    String payment(String idempotencyKey, String columns) {
        return jdbc.sql("SELECT " + columns + " FROM payments WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query(String.class)
                .single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
