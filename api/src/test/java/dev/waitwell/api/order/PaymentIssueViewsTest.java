package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.AuthenticatingBank;
import dev.waitwell.api.StripeApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.WorkflowProbe;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderWorkflow;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResolution;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * While a charge waits on the customer, the checkout answer, the shop's order and support's order (also in the
 * workflow's live state) carry {@code paymentIssue}: the code and the short reason, never the bank's page (that is for
 * the customer's page).
 */
@StripeApiTest
class PaymentIssueViewsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkflowClient temporal;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void defaultMocks() {
        activities.reset();
    }

    @Test
    void whileTheBankWaitsForTheCustomerEveryViewShowsTheIssueButNotTheBanksPage() throws Exception {
        String sku = preorderable();
        String orderId = unique("sca");

        ResultActions checkout = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.paid").value(0))
                .andExpect(jsonPath("$.customerUrl").exists());

        for (ResultActions view : new ResultActions[] {checkout, shopView(orderId), supportView(orderId)}) {
            view.andExpectAll(waitsOnTheBank());
        }
    }

    @Test
    void supportsViewOfTheWorkflowsLiveStateLeavesTheBanksPageOutToo() throws Exception {
        String sku = preorderable();
        String orderId = unique("sca");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated());
        String bankPage = AuthenticatingBank.bankPageOf(
                AuthenticatingBank.paymentIntentOf(ChargeRequest.keyOf(orderId, "full-1")));

        String json = supportView(orderId)
                .andExpect(jsonPath("$.workflow.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.workflow.paymentIssue.code").value("authentication_required"))
                .andExpect(jsonPath("$.workflow.paymentIssue.message").value(AuthenticatingBank.ASKS))
                .andExpect(jsonPath("$.workflow.paymentIssue.actionUrl").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(json).doesNotContain(bankPage.substring(0, bankPage.indexOf('?')));
    }

    @Test
    void theIssueIsGoneOnceTheCustomerConfirmedAndTheChargeWasResolved() throws Exception {
        String sku = preorderable();
        String orderId = unique("sca");
        mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated());
        String key = ChargeRequest.keyOf(orderId, "full-1");
        activities.bank.confirm(AuthenticatingBank.paymentIntentOf(key));

        temporal.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.of(orderId))
                .chargeResolved(new ChargeResolution(key, true));
        WorkflowProbe.awaitState(temporal, orderId, state -> state.status() == OrderStatus.AWAITING_RELEASE);

        for (ResultActions view : new ResultActions[] {shopView(orderId), supportView(orderId)}) {
            view.andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                    .andExpect(jsonPath("$.paid").value(3_000))
                    .andExpect(jsonPath("$.paymentIssue").value(nullValue()));
        }
    }

    @Test
    void aDeclinedChargeShowsItsCodeAndItsShortReason() throws Exception {
        String sku = preorderable();
        String orderId = unique("declined");

        ResultActions checkout = mvc.perform(
                        placeOrder(order(orderId, sku, 1, "FULL", TestTemporal.Activities.DECLINING_METHOD)))
                .andExpect(status().isCreated());

        for (ResultActions view : new ResultActions[] {checkout, shopView(orderId), supportView(orderId)}) {
            view.andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                    .andExpect(jsonPath("$.paymentIssue.code").value("card_declined"))
                    .andExpect(jsonPath("$.paymentIssue.message").value("Your card was declined."));
        }
    }

    @Test
    void anOrderPaidWithoutTroubleHasNoIssue() throws Exception {
        String sku = preorderable();
        String orderId = unique("paid");

        ResultActions checkout = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", "pm_card_visa")))
                .andExpect(status().isCreated());

        for (ResultActions view : new ResultActions[] {checkout, shopView(orderId), supportView(orderId)}) {
            view.andExpect(jsonPath("$.status").value("AWAITING_RELEASE"))
                    .andExpect(jsonPath("$.paymentIssue").value(nullValue()));
        }
    }

    private static ResultMatcher[] waitsOnTheBank() {
        return new ResultMatcher[] {
            jsonPath("$.status").value("AWAITING_PAYMENT"),
            jsonPath("$.paymentIssue.code").value("authentication_required"),
            jsonPath("$.paymentIssue.message").value(AuthenticatingBank.ASKS),
            jsonPath("$.paymentIssue.actionUrl").doesNotExist()
        };
    }

    private ResultActions shopView(String orderId) throws Exception {
        return mvc.perform(get("/api/v1/orders/{id}", orderId).with(httpBasic("shop", "shop")))
                .andExpect(status().isOk());
    }

    private ResultActions supportView(String orderId) throws Exception {
        return mvc.perform(get("/admin/v1/orders/{id}", orderId).with(httpBasic("support", "support")))
                .andExpect(status().isOk());
    }

    private String preorderable() throws Exception {
        String sku = unique("ISSUE");
        mvc.perform(putProduct(sku, product(3_000, "EUR", inDays(40), null, 25)))
                .andExpect(status().isCreated());
        return sku;
    }
}
