package dev.waitwell.api;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The test worker lets go of a charge that waits on the bank as {@code PaymentActivities.cancelWaitingCharge}
 * promises: the charge the customer completed meanwhile, else none, and then it never succeeds.
 */
@StripeApiTest
class AuthenticatingBankTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void defaultMocks() {
        activities.reset();
    }

    @Test
    void aWaitingChargeLetGoIsCancelledAndNeverSucceedsLater() throws Exception {
        ChargeRequest waiting = waitingOnTheBank();

        WaitingChargeCancellation cancellation = activities.payments.cancelWaitingCharge(waiting);

        assertThat(cancellation.wasCompleted()).isFalse();
        assertThat(statusOf(waiting)).isEqualTo("DECLINED");
        assertThat(jdbc.sql("SELECT failure_reason FROM payments WHERE idempotency_key = ?")
                        .param(waiting.idempotencyKey())
                        .query(String.class)
                        .single())
                .isEqualTo(AuthenticatingBank.CANCELLED_CODE);
        activities.bank.confirm(AuthenticatingBank.paymentIntentOf(waiting.idempotencyKey()));
        assertThatThrownBy(() -> activities.payments.charge(waiting))
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo(BusinessFailure.PAYMENT_DECLINED.name()));
        assertThat(statusOf(waiting)).isEqualTo("DECLINED");
    }

    @Test
    void aChargeTheCustomerConfirmedMeanwhileIsAnsweredAsCompleted() throws Exception {
        ChargeRequest waiting = waitingOnTheBank();
        String paymentIntent = AuthenticatingBank.paymentIntentOf(waiting.idempotencyKey());
        activities.bank.confirm(paymentIntent);

        WaitingChargeCancellation cancellation = activities.payments.cancelWaitingCharge(waiting);

        assertThat(cancellation.completed()).isEqualTo(new ChargeResult(paymentIntent, waiting.amount()));
        assertThat(statusOf(waiting)).isEqualTo("SUCCEEDED");
        assertThat(activities.payments.cancelWaitingCharge(waiting)).isEqualTo(cancellation);
    }

    /** The order's first charge, waiting on the customer's bank, as the workflow asked for it. */
    private ChargeRequest waitingOnTheBank() throws Exception {
        String sku = unique("LETGO");
        mvc.perform(putProduct(sku, product(3_000, "EUR", inDays(40), null, 25)))
                .andExpect(status().isCreated());
        String orderId = unique("letgo");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated());
        return new ChargeRequest(
                orderId, "full-1", ChargePurpose.FULL, Money.of(3_000, "EUR"), AuthenticatingBank.METHOD, true, null);
    }

    private String statusOf(ChargeRequest charge) {
        return jdbc.sql("SELECT status FROM payments WHERE idempotency_key = ?")
                .param(charge.idempotencyKey())
                .query(String.class)
                .single();
    }
}
