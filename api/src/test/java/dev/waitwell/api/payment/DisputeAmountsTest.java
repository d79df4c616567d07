package dev.waitwell.api.payment;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static dev.waitwell.api.StripeWebhooks.delivery;
import static dev.waitwell.api.StripeWebhooks.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.AuthenticatingBank;
import dev.waitwell.api.StripeApiTest;
import dev.waitwell.api.StripeWebhooks;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.workflows.payment.ChargeRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dispute's amount arrives in Stripe's unit and is recorded in ISO minor units, like every amount of Waitwell:
 * the same for USD, a hundred times less for ISK (which Stripe keeps two-decimal).
 */
@StripeApiTest
class DisputeAmountsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void defaultMocks() {
        activities.reset();
    }

    @ParameterizedTest
    @CsvSource({"USD, 3000, 3000, USD 30.00", "ISK, 4990, 499000, ISK 4990"})
    void aDisputeIsRecordedInTheOrdersMinorUnits(String currency, long price, long stripeAmount, String shown)
            throws Exception {
        String orderId = waitingOnTheBank(currency, price);
        String paymentIntent = AuthenticatingBank.paymentIntentOf(ChargeRequest.keyOf(orderId, "full-1"));
        String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "");

        mvc.perform(delivery(event(
                        "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                        "charge.dispute.created",
                        StripeWebhooks.dispute(
                                disputeId,
                                paymentIntent,
                                stripeAmount,
                                currency.toLowerCase(Locale.ROOT),
                                "fraudulent",
                                Instant.now().getEpochSecond()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));

        mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(jsonPath("$.disputes[0].disputeId").value(disputeId))
                .andExpect(jsonPath("$.disputes[0].amount").value(price))
                .andExpect(jsonPath("$.disputes[0].currency").value(currency))
                .andExpect(jsonPath("$.audit[0].action").value("DISPUTE_OPENED"))
                .andExpect(jsonPath("$.audit[0].details")
                        .value(shown + " disputed, " + disputeId + " of " + paymentIntent));
    }

    /** An order for one unit at {@code price}, its charge waiting on the bank (the dispute needs only its charge). */
    private String waitingOnTheBank(String currency, long price) throws Exception {
        String sku = unique("DISPUTE");
        mvc.perform(putProduct(sku, product(price, currency, inDays(40), null, 25)))
                .andExpect(status().isCreated());
        String orderId = unique("dispute");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated());
        return orderId;
    }
}
