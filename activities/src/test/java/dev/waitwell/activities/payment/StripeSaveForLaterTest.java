package dev.waitwell.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.stripe.standin.RecordedRequest;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import org.junit.jupiter.api.Test;

/** PAY_LATER at checkout: the card is saved for off-session charges, nothing is charged. */
class StripeSaveForLaterTest extends StripeTest {

    @Test
    void theCardIsAttachedAndSetUpForOffSessionUseUnderKeysOfTheOrder() {
        String orderId = order();
        SaveMethodRequest request = new SaveMethodRequest(orderId, "pm_card_visa", RETURN_URL + orderId);

        SavedMethod saved = payments.saveForLater(request);
        SavedMethod again = payments.saveForLater(request);

        assertThat(saved.reference()).startsWith("seti_");
        assertThat(saved.issue()).isNull();
        assertThat(again).isEqualTo(saved);
        assertThat(requests("POST", "/v1/payment_methods/pm_card_visa/attach"))
                .extracting(RecordedRequest::idempotencyKey)
                .containsOnly(request.idempotencyKey() + "/attach");
        RecordedRequest setup = requests("POST", "/v1/setup_intents").get(0);
        assertThat(setup.idempotencyKey()).isEqualTo(request.idempotencyKey());
        assertThat(setup.params())
                .containsEntry("usage", "off_session")
                .containsEntry("confirm", "true")
                .containsEntry("payment_method", "pm_card_visa")
                .containsEntry("return_url", RETURN_URL + orderId)
                .containsEntry(
                        "customer",
                        requests("POST", "/v1/payment_methods/pm_card_visa/attach")
                                .get(0)
                                .param("customer"));
        assertThat(requests("POST", "/v1/payment_intents")).isEmpty();
    }

    @Test
    void aBankThatAsksForAuthenticationIsAnIssueInTheAnswerWithItsPage() {
        SavedMethod saved =
                payments.saveForLater(new SaveMethodRequest(order(), "pm_card_authenticationRequired", RETURN_URL));

        assertThat(saved.reference()).startsWith("seti_");
        assertThat(saved.issue().code()).isEqualTo(PaymentIssue.AUTHENTICATION_REQUIRED);
        assertThat(saved.issue().actionUrl())
                .isEqualTo(STRIPE.baseUrl() + "/_standin/authenticate/" + saved.reference());
    }

    @Test
    void aDeclinedOrUnknownCardIsAnIssueInTheAnswerNeverAFailure() {
        SavedMethod declined = payments.saveForLater(new SaveMethodRequest(order(), "pm_card_chargeDeclined", null));
        SavedMethod unknown = payments.saveForLater(new SaveMethodRequest(order(), "pm_card_unheard_of", null));

        assertThat(declined.issue())
                .isEqualTo(PaymentIssue.declined("card_declined", "Your bank declined the payment."));
        assertThat(unknown.reference()).isNull();
        assertThat(unknown.issue().code()).isEqualTo(PaymentIssue.PAYMENT_METHOD_UNKNOWN);
    }

    @Test
    void anOutageIsRetriedNotAnIssue() {
        String orderId = order();
        STRIPE.failNextRequests("POST", "/v1/setup_intents", 1);

        assertThatThrownBy(() -> payments.saveForLater(new SaveMethodRequest(orderId, "pm_card_visa", null)))
                .isInstanceOf(StripeUnavailableException.class);
    }
}
