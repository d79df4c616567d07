package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PaymentIntents that wait on the customer's bank: read again, or let go of. A PaymentIntent succeeds at most once, so
 * neither can charge twice; a cancellation goes under {@code <chargeKey>/cancel}.
 */
final class StripeWaitingCharges {

    private static final Logger log = LoggerFactory.getLogger(StripeWaitingCharges.class);

    /** The statuses of a card PaymentIntent Stripe cancels. */
    private static final Set<String> CANCELABLE =
            Set.of("requires_payment_method", "requires_confirmation", "requires_action");

    private final StripeClient stripe;

    StripeWaitingCharges(StripeClient stripe) {
        this.stripe = stripe;
    }

    GatewayCharge recheck(String reference) {
        try {
            return StripeIntents.outcomeOf(retrieve(reference));
        } catch (StripeException e) {
            throw StripeIntents.unavailable("check of " + reference, e);
        }
    }

    /**
     * Read once more: one that succeeded meanwhile is answered as paid. Any other is cancelled as abandoned, so that
     * the customer's bank can no longer complete it. When Stripe refuses because it succeeded in between (or an
     * earlier attempt cancelled it and lost the answer), it is read again and answered as it is.
     */
    GatewayCharge cancel(String chargeKey, String reference) {
        try {
            PaymentIntent intent = retrieve(reference);
            if (!CANCELABLE.contains(intent.getStatus())) {
                return settled(intent);
            }
            try {
                return StripeIntents.outcomeOf(stripe.v1()
                        .paymentIntents()
                        .cancel(
                                reference,
                                PaymentIntentCancelParams.builder()
                                        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                        .build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey(chargeKey + "/cancel")
                                        .build()));
            } catch (InvalidRequestException refused) {
                if (!StripeIntents.unexpectedState(refused)) {
                    throw refused;
                }
                PaymentIntent now = retrieve(reference);
                log.info(
                        "Stripe refused to cancel {} of charge {}: it is {} now",
                        reference,
                        chargeKey,
                        now.getStatus());
                return settled(now);
            }
        } catch (StripeException e) {
            throw StripeIntents.unavailable("cancellation of " + reference + " (" + chargeKey + ")", e);
        }
    }

    /** An intent Stripe does not cancel: paid, cancelled already, or still processing (read again next attempt). */
    private static GatewayCharge settled(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded", "canceled" -> StripeIntents.outcomeOf(intent);
            default ->
                throw new StripeUnavailableException("PaymentIntent " + intent.getId() + " is " + intent.getStatus()
                        + " at Stripe and cannot be cancelled now; checked again on the next attempt");
        };
    }

    private PaymentIntent retrieve(String reference) throws StripeException {
        return stripe.v1().paymentIntents().retrieve(reference);
    }
}
