package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import dev.waitwell.workflows.shared.Money;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds of PaymentIntents at Stripe: made under Waitwell's refund key (also in their metadata, so a refund whose
 * answer was lost is recognized as ours), and listed whoever made them.
 */
final class StripeRefunds {

    private static final Logger log = LoggerFactory.getLogger(StripeRefunds.class);

    private final StripeClient stripe;

    StripeRefunds(StripeClient stripe) {
        this.stripe = stripe;
    }

    GatewayRefund refund(String orderId, String idempotencyKey, String chargeReference, Money amount) {
        try {
            Refund refund = stripe.v1()
                    .refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(chargeReference)
                                    .setAmount(StripeAmounts.toStripe(amount))
                                    .putMetadata("refund_key", idempotencyKey)
                                    .build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .build());
            return new GatewayRefund(refund.getId(), amount, idempotencyKey);
        } catch (InvalidRequestException refused) {
            if ("charge_already_refunded".equals(refused.getCode()) || "amount_too_large".equals(refused.getCode())) {
                // A refund made at Stripe since Waitwell reconciled before refunding (a race of seconds): retried, and
                // the retry reconciles first. Stripe may keep this answer under the key; a retry for another amount is
                // then refused as another request until Stripe forgets the key, after a day.
                throw StripeIntents.unavailable(
                        "refund " + idempotencyKey + " (refunded outside Waitwell, not reconciled yet)", refused);
            }
            if (StripeIntents.refusedForGood(refused)) {
                // A refund is owed, so it is retried all the same; but no retry changes Stripe's mind by itself.
                log.error(
                        "Order {}: Stripe refuses refund {} of {} ({}) and it is retried until someone sees to it: {}",
                        orderId,
                        idempotencyKey,
                        chargeReference,
                        amount.display(),
                        StripeIntents.describe(refused));
            }
            throw StripeIntents.unavailable("refund " + idempotencyKey, refused);
        } catch (StripeException e) {
            throw StripeIntents.unavailable("refund " + idempotencyKey, e);
        }
    }

    List<GatewayRefund> of(String chargeReference) {
        List<GatewayRefund> refunds = new ArrayList<>();
        try {
            for (Refund refund : stripe.v1()
                    .refunds()
                    .list(RefundListParams.builder()
                            .setPaymentIntent(chargeReference)
                            .setLimit(100L)
                            .build())
                    .autoPagingIterable()) {
                if (!"failed".equals(refund.getStatus()) && !"canceled".equals(refund.getStatus())) {
                    String key = refund.getMetadata() == null
                            ? null
                            : refund.getMetadata().get("refund_key");
                    refunds.add(new GatewayRefund(
                            refund.getId(), StripeAmounts.fromStripe(refund.getAmount(), refund.getCurrency()), key));
                }
            }
        } catch (StripeException e) {
            throw StripeIntents.unavailable("refunds of " + chargeReference, e);
        }
        return refunds;
    }
}
