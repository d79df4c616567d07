package dev.waitwell.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundsAndEventsTest extends StandInTest {

    private static final String SECRET = "whsec_standin_test";

    @Test
    void refundsTakeFromThePaymentNeverMoreThanItAndAreListedWithThoseOfTheDashboard() throws Exception {
        PaymentIntent paid = chargeOffSession(customerWith("pm_card_visa"), "pm_card_visa", 10000, newKey());

        Refund part = refund(paid.getId(), 3000L, "o-1/refund-part/1");
        String dashboard = stripe.refundInDashboard(paid.getId(), 2000);

        assertThat(part.getStatus()).isEqualTo("succeeded");
        assertThat(part.getMetadata()).containsEntry("refund_key", "o-1/refund-part/1");
        assertThat(stripe.refundedAmount(paid.getId())).isEqualTo(5000);
        assertThatThrownBy(() -> refund(paid.getId(), 5001L, newKey()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("amount_too_large"));
        Refund rest = refund(paid.getId(), null, newKey());
        assertThat(rest.getAmount()).isEqualTo(5000);
        assertThatThrownBy(() -> refund(paid.getId(), 1L, newKey()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
        List<String> listed = new ArrayList<>();
        client.v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setPaymentIntent(paid.getId())
                        .setLimit(1L)
                        .build())
                .autoPagingIterable()
                .forEach(refund -> listed.add(refund.getId()));
        assertThat(listed).containsExactly(rest.getId(), dashboard, part.getId());
    }

    @Test
    void aRefundIsIdempotentByItsKey() throws Exception {
        PaymentIntent paid = chargeOffSession(customerWith("pm_card_visa"), "pm_card_visa", 10000, newKey());

        Refund first = refund(paid.getId(), 3000L, "o-1/refund");
        Refund again = refund(paid.getId(), 3000L, "o-1/refund");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(stripe.refundedAmount(paid.getId())).isEqualTo(3000);
    }

    @Test
    void aRefundOfMoreThanIsLeftIsKeptUnderItsKeyAsStripeKeepsWhatItRan() throws Exception {
        PaymentIntent paid = chargeOffSession(customerWith("pm_card_visa"), "pm_card_visa", 10000, newKey());
        stripe.refundInDashboard(paid.getId(), 6000);

        assertThatThrownBy(() -> refund(paid.getId(), 10000L, "o-2/refund"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> refund(paid.getId(), 4000L, "o-2/refund"))
                .isInstanceOf(com.stripe.exception.IdempotencyException.class);
    }

    @Test
    void aSignedEventIsVerifiedByStripeJavaAndCarriesTheObjectInItsApiVersion() throws Exception {
        PaymentIntent paid = chargeOffSession(customerWith("pm_card_visa"), "pm_card_visa", 10000, newKey());

        SignedEvent succeeded =
                StripeStandIn.signedEvent("payment_intent.succeeded", stripe.paymentIntentJson(paid.getId()), SECRET);
        stripe.refundInDashboard(paid.getId(), 4000);
        SignedEvent refunded = StripeStandIn.signedEvent("charge.refunded", stripe.chargeJson(paid.getId()), SECRET);

        Event event = Webhook.constructEvent(succeeded.payload(), succeeded.signature(), SECRET);
        assertThat(event.getId()).isEqualTo(succeeded.id());
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        PaymentIntent object =
                (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object.getId()).isEqualTo(paid.getId());
        assertThat(object.getStatus()).isEqualTo("succeeded");
        Charge charge = (Charge) Webhook.constructEvent(refunded.payload(), refunded.signature(), SECRET)
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
        assertThat(charge.getPaymentIntent()).isEqualTo(paid.getId());
        assertThat(charge.getAmountRefunded()).isEqualTo(4000);
    }

    @Test
    void aSignatureWithAnotherSecretOrAnOldTimestampIsRejected() {
        SignedEvent forged = StripeStandIn.signedEvent("payment_intent.succeeded", "{\"id\":\"pi_1\"}", "whsec_other");
        SignedEvent stale = SignedEvent.of(
                "payment_intent.succeeded",
                "{\"id\":\"pi_1\"}",
                SECRET,
                Instant.now().minusSeconds(600));

        assertThatThrownBy(() -> Webhook.constructEvent(forged.payload(), forged.signature(), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(stale.payload(), stale.signature(), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
    }

    private Refund refund(String paymentIntent, Long amount, String key) throws Exception {
        RefundCreateParams.Builder params =
                RefundCreateParams.builder().setPaymentIntent(paymentIntent).putMetadata("refund_key", key);
        if (amount != null) {
            params.setAmount(amount);
        }
        return client.v1().refunds().create(params.build(), key(key));
    }
}
