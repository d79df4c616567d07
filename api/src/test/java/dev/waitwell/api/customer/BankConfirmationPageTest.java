package dev.waitwell.api.customer;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.AuthenticatingBank;
import dev.waitwell.api.StripeApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.WorkflowProbe;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.ChargeRequest;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The customer's page while their bank asks them to confirm a charge: a plain link to the bank's page, and the way
 * back from it, which has the order check the charge at Stripe, once per PaymentIntent every 30 seconds and within
 * the order's rate limit.
 */
@StripeApiTest
class BankConfirmationPageTest {

    private static final String CHARGE_RESOLVED = "chargeResolved";
    // application-test.yml: the link holder has 10 limited requests per order and minute (time stands still here).
    private static final int PER_ORDER = 10;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkflowClient temporal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTemporal.Activities activities;

    @BeforeEach
    void defaultMocks() {
        activities.reset();
    }

    @Test
    void showsAConfirmWithYourBankLinkToTheBanksPageAndSaysWhy() throws Exception {
        Waiting waiting = waitingOnTheBank();

        MockHttpServletResponse page = mvc.perform(get(waiting.page()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        String html = page.getContentAsString();
        String bankPage = AuthenticatingBank.bankPageOf(waiting.paymentIntent());
        assertThat(html)
                .contains(
                        "<a class=\"button\" rel=\"noreferrer\" href=\"" + bankPage.replace("&", "&amp;")
                                + "\">Confirm with your bank</a>",
                        "Your bank asks you to confirm this payment before we can take it",
                        "Or use another payment method")
                .doesNotContain("<script", "Your payment did not go through", "We are checking your payment");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aDeclinedChargeStillShowsTheFormForANewPaymentMethodAndNoBankLink() throws Exception {
        String sku = preorderable();
        String orderId = unique("declined");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", TestTemporal.Activities.DECLINING_METHOD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String html = mvc.perform(get(path(json)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("Your payment did not go through", "name=\"paymentMethod\"")
                .doesNotContain("Confirm with your bank", "https://");
    }

    @Test
    void theReturnFromTheBankHasTheOrderCheckTheChargeOnceAndSaysSo() throws Exception {
        Waiting waiting = waitingOnTheBank();
        activities.bank.confirm(waiting.paymentIntent());
        String back = backFromTheBank(waiting);

        String html = mvc.perform(get(back))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("We are checking your payment").doesNotContain("Confirm with your bank");
        WorkflowProbe.awaitState(temporal, waiting.orderId(), state -> state.status() == OrderStatus.AWAITING_RELEASE);
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();

        // Reloaded, or opened again from the browser's history: the charge no longer waits, nothing is sent.
        String again = mvc.perform(get(back))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("Waiting for the release").doesNotContain("We are checking your payment");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();
    }

    @Test
    void aReloadWithin30SecondsOfTheReturnTellsTheOrderNothingMore() throws Exception {
        Waiting waiting = waitingOnTheBank(); // the customer does not confirm: the charge keeps waiting
        String back = backFromTheBank(waiting);
        mvc.perform(get(back)).andExpect(status().isOk());

        String again = mvc.perform(get(back))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(again).contains("We are checking your payment");
        assertThat(paymentStatus(waiting)).isEqualTo("REQUIRES_ACTION");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();
    }

    @Test
    void overTheOrdersRateLimitTheReturnShowsThePageAndTellsNobody() throws Exception {
        Waiting waiting = waitingOnTheBank();
        for (int i = 0; i < PER_ORDER; i++) {
            mvc.perform(noPaymentMethod(waiting)).andExpect(status().isBadRequest());
        }

        String html = mvc.perform(get(backFromTheBank(waiting)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("Order " + waiting.orderId(), "Payment needed");
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isZero();
    }

    @Test
    void aReturnThatTellsTheOrderCountsAgainstItsRateLimitLikeThePagesForms() throws Exception {
        Waiting waiting = waitingOnTheBank();
        mvc.perform(get(backFromTheBank(waiting))).andExpect(status().isOk());
        for (int i = 1; i < PER_ORDER; i++) {
            mvc.perform(noPaymentMethod(waiting)).andExpect(status().isBadRequest());
        }

        mvc.perform(noPaymentMethod(waiting)).andExpect(status().isTooManyRequests());
        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isOne();
    }

    @Test
    void aReturnNamingAnotherOrdersChargeTellsNoOrder() throws Exception {
        Waiting mine = waitingOnTheBank();
        Waiting theirs = waitingOnTheBank();

        String html = mvc.perform(
                        get(mine.page() + "&payment_intent=" + theirs.paymentIntent() + "&redirect_status=succeeded"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).doesNotContain("We are checking your payment").contains("Confirm with your bank");
        assertThat(WorkflowProbe.signals(temporal, mine.orderId(), CHARGE_RESOLVED))
                .isZero();
        assertThat(WorkflowProbe.signals(temporal, theirs.orderId(), CHARGE_RESOLVED))
                .isZero();
    }

    @Test
    void aReturnWithoutAValidLinkTellsNothing() throws Exception {
        Waiting waiting = waitingOnTheBank();
        String tampered = waiting.page().substring(0, waiting.page().length() - 3) + "AAA";

        mvc.perform(get(tampered + "&payment_intent=" + waiting.paymentIntent() + "&redirect_status=succeeded"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/c/orders/" + waiting.orderId() + "?payment_intent=" + waiting.paymentIntent()))
                .andExpect(status().isForbidden());

        assertThat(WorkflowProbe.signals(temporal, waiting.orderId(), CHARGE_RESOLVED))
                .isZero();
    }

    private record Waiting(String orderId, String paymentIntent, String page) {

        String token() {
            return page.substring(page.indexOf("?token=") + "?token=".length());
        }
    }

    /** The customer's link as Stripe sends them back to it from their bank's page. */
    private static String backFromTheBank(Waiting waiting) {
        return waiting.page() + "&payment_intent=" + waiting.paymentIntent() + "&payment_intent_client_secret="
                + waiting.paymentIntent() + "_secret_test&redirect_status=succeeded";
    }

    /** The page's form for a new payment method, sent empty: refused (400), but counted by the rate limit. */
    private static MockHttpServletRequestBuilder noPaymentMethod(Waiting waiting) {
        return post("/c/orders/{id}/payment-method", waiting.orderId())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", waiting.token())
                .param("paymentMethod", "");
    }

    private String paymentStatus(Waiting waiting) {
        return jdbc.sql("SELECT status FROM payments WHERE gateway_reference = ?")
                .param(waiting.paymentIntent())
                .query(String.class)
                .single();
    }

    private Waiting waitingOnTheBank() throws Exception {
        String sku = preorderable();
        String orderId = unique("bank");
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "FULL", AuthenticatingBank.METHOD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String paymentIntent = AuthenticatingBank.paymentIntentOf(ChargeRequest.keyOf(orderId, "full-1"));
        return new Waiting(orderId, paymentIntent, path(json));
    }

    /** The customer's link as the order's JSON names it, without the host. */
    private static String path(String orderJson) {
        URI url = URI.create(JsonPath.read(orderJson, "$.customerUrl"));
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    private String preorderable() throws Exception {
        String sku = unique("BANK");
        mvc.perform(putProduct(sku, product(3_000, "EUR", inDays(40), null, 25)))
                .andExpect(status().isCreated());
        return sku;
    }
}
