package dev.waitwell.activities.payment;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PaymentIssue;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges through Stripe's PaymentIntents: the payment method attached to the customer's Stripe Customer, then a
 * PaymentIntent under the charge's key, confirmed with the customer present (saving the method for later) or
 * off-session on the saved method; one whose bank wants the customer is confirmed again for them.
 */
final class StripeCharges {

    private static final Logger log = LoggerFactory.getLogger(StripeCharges.class);

    private final StripeClient stripe;
    private final StripeCustomers customers;

    StripeCharges(StripeClient stripe, StripeCustomers customers) {
        this.stripe = stripe;
        this.customers = customers;
    }

    GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten) {
        long amount;
        try {
            amount = StripeAmounts.toStripe(request.amount());
        } catch (StripeAmounts.UnsupportedAmountException e) {
            log.warn("Order {}: {}", request.orderId(), e.getMessage());
            return GatewayCharge.declined(null, DeclineReasons.AMOUNT_NOT_SUPPORTED);
        }
        try {
            String customer = customers.forOrder(request.orderId());
            customers.attach(request.paymentMethod(), customer, request.idempotencyKey() + "/attach");
            PaymentIntent intent = keyMayBeForgotten
                    ? madeUnder(request.idempotencyKey(), "older than Stripe's memory of keys")
                            .orElse(null)
                    : null;
            if (intent == null) {
                intent = create(request, customer, amount);
            }
            return StripeIntents.needsCustomer(intent)
                    ? withCustomer(intent, request)
                    : StripeIntents.outcomeOf(intent);
        } catch (CardException declined) {
            PaymentIntent intent = StripeIntents.intentOf(declined);
            return PaymentIssue.AUTHENTICATION_REQUIRED.equals(declined.getCode()) && intent != null
                    ? withCustomer(intent, request)
                    : StripeIntents.declined(declined);
        } catch (InvalidRequestException refused) {
            return refused(request, refused, null);
        } catch (StripeException e) {
            if (StripeIntents.replayedServerError(e)) {
                return afterKeptServerError(request, e);
            }
            throw StripeIntents.unavailable("charge " + request.idempotencyKey(), e);
        }
    }

    /**
     * Stripe keeps a server error under one of the charge's keys and answers it to every retry for a day: whether the
     * PaymentIntent was made before the error, only a search by the charge key in its metadata tells, as when Stripe
     * has forgotten the key. Found, it is the outcome. Not found (never made, or not searchable yet: search lags
     * behind writes), the activity is retried and looks again, until Stripe forgets the key and a retry makes it.
     */
    private GatewayCharge afterKeptServerError(ChargeRequest request, StripeException kept) {
        Optional<PaymentIntent> made = madeUnder(request.idempotencyKey(), "Stripe replays a server error");
        if (made.isEmpty()) {
            log.warn(
                    "Order {}: Stripe keeps a server error under a key of charge {} and no PaymentIntent made under it"
                            + " is found: retried until one is, or Stripe forgets the key (a day after it was first"
                            + " used)",
                    request.orderId(),
                    request.idempotencyKey());
            throw StripeIntents.unavailable(
                    "charge " + request.idempotencyKey() + " (a server error Stripe keeps under its key)", kept);
        }
        PaymentIntent intent = made.get();
        return StripeIntents.needsCustomer(intent) ? withCustomer(intent, request) : StripeIntents.outcomeOf(intent);
    }

    /**
     * What Stripe refused (HTTP 400) on a charge: an unknown method, an amount it never takes for a card, or a method it
     * will not use for this payment (another customer's card, one used before, a customer deleted, a currency it does
     * not take...): no retry changes those, and the order hears them as a decline. A lock, a rate limit or a key still
     * in use is retried.
     *
     * @param intent the PaymentIntent refused, when there is one
     */
    private GatewayCharge refused(ChargeRequest request, InvalidRequestException refused, String intent) {
        if (StripeIntents.unknownMethod(refused)) {
            throw new UnknownPaymentMethodException(request.paymentMethod());
        }
        if (StripeIntents.amountOutOfBounds(refused)) {
            log.warn(
                    "Order {}: Stripe refuses {}: {}",
                    request.orderId(),
                    request.amount().display(),
                    refused.getCode());
            return GatewayCharge.declined(intent, refused.getCode());
        }
        if (!StripeIntents.refusedForGood(refused)) {
            throw StripeIntents.unavailable("charge " + request.idempotencyKey(), refused);
        }
        log.warn(
                "Order {}: Stripe refuses charge {} on {} for good, declined as {}: {}",
                request.orderId(),
                request.idempotencyKey(),
                request.paymentMethod(),
                DeclineReasons.PAYMENT_METHOD_UNUSABLE,
                StripeIntents.describe(refused));
        return GatewayCharge.declined(
                intent != null ? intent : StripeIntents.intentIdOf(refused), DeclineReasons.PAYMENT_METHOD_UNUSABLE);
    }

    private PaymentIntent create(ChargeRequest request, String customer, long amount) throws StripeException {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(StripeAmounts.currency(request.amount()))
                .setCustomer(customer)
                .setPaymentMethod(request.paymentMethod())
                .addPaymentMethodType(StripeCustomers.CARD)
                .setConfirm(true)
                .putMetadata("order_id", request.orderId())
                .putMetadata("charge_key", request.idempotencyKey());
        if (request.customerPresent()) {
            params.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
            if (request.returnUrl() != null) {
                params.setReturnUrl(request.returnUrl());
            }
        } else {
            params.setOffSession(true);
        }
        return stripe.v1().paymentIntents().create(params.build(), key(request.idempotencyKey()));
    }

    /**
     * The bank wants the customer for an off-session charge: confirmed again as if they were here, with where to come
     * back to, Stripe answers the bank's page to send them to. Its own key: the intent's creation has the charge's.
     */
    private GatewayCharge withCustomer(PaymentIntent intent, ChargeRequest request) {
        PaymentIntentConfirmParams.Builder params =
                PaymentIntentConfirmParams.builder().setPaymentMethod(request.paymentMethod());
        if (request.returnUrl() != null) {
            params.setReturnUrl(request.returnUrl());
        }
        try {
            return StripeIntents.outcomeOf(stripe.v1()
                    .paymentIntents()
                    .confirm(intent.getId(), params.build(), key(request.idempotencyKey() + "/authenticate")));
        } catch (CardException declined) {
            return StripeIntents.declined(declined);
        } catch (InvalidRequestException refused) {
            return refused(request, refused, intent.getId());
        } catch (StripeException e) {
            if (StripeIntents.replayedServerError(e)) {
                return afterKeptConfirmationError(intent.getId(), request, e);
            }
            throw StripeIntents.unavailable("confirmation of " + intent.getId(), e);
        }
    }

    /**
     * Stripe keeps a server error under the confirmation's key: read again, the intent tells whether it was confirmed
     * before the error. If not, the activity is retried until Stripe forgets the key.
     */
    private GatewayCharge afterKeptConfirmationError(String intent, ChargeRequest request, StripeException kept) {
        PaymentIntent now;
        try {
            now = stripe.v1().paymentIntents().retrieve(intent);
        } catch (StripeException e) {
            throw StripeIntents.unavailable("check of " + intent, e);
        }
        if (!StripeIntents.needsCustomer(now)) {
            return StripeIntents.outcomeOf(now);
        }
        log.warn(
                "Order {}: Stripe keeps a server error under the confirmation of {} ({}/authenticate), which it did not"
                        + " confirm: retried until Stripe forgets the key",
                request.orderId(),
                intent,
                request.idempotencyKey());
        throw StripeIntents.unavailable(
                "confirmation of " + intent + " (a server error Stripe keeps under its key)", kept);
    }

    /**
     * The PaymentIntent made under a charge key, found by its metadata, when the key no longer tells: after a day Stripe
     * has forgotten it, and creating again would charge twice. A paid one wins over others; else the latest.
     */
    private Optional<PaymentIntent> madeUnder(String chargeKey, String why) {
        List<PaymentIntent> found;
        try {
            found = stripe.v1()
                    .paymentIntents()
                    .search(PaymentIntentSearchParams.builder()
                            .setQuery("metadata['charge_key']:'" + chargeKey.replace("'", "\\'") + "'")
                            .build())
                    .getData();
        } catch (StripeException e) {
            // Whatever Stripe answers to the search, it says nothing of the customer's payment method: retried.
            throw StripeIntents.unavailable("search for charge " + chargeKey, e);
        }
        log.info("PaymentIntents made under charge {} ({}): {} found", chargeKey, why, found.size());
        return found.stream()
                .max(Comparator.comparing((PaymentIntent intent) -> "succeeded".equals(intent.getStatus()))
                        .thenComparing(PaymentIntent::getCreated));
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
