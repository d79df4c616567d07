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
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SetupIntentCreateParams;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.shared.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real money through Stripe's PaymentIntents. The payment method is attached to the customer's Stripe Customer; a
 * charge at checkout is confirmed with the customer present and saves the method for later, later charges are made
 * off-session on it. Every POST carries an idempotency key derived from Waitwell's charge or refund key, never one
 * the SDK makes up.
 */
class StripePaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);
    private static final String CARD = "card";

    private final StripeClient stripe;
    private final StripeCustomers customers;
    private final StripeWaitingCharges waiting;
    private final StripeRefunds refunds;

    StripePaymentGateway(StripeClient stripe, StripeCustomers customers) {
        this.stripe = stripe;
        this.customers = customers;
        this.waiting = new StripeWaitingCharges(stripe);
        this.refunds = new StripeRefunds(stripe);
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten) {
        long amount;
        try {
            amount = StripeAmounts.toStripe(request.amount());
        } catch (StripeAmounts.UnsupportedAmountException e) {
            log.warn("Order {}: {}", request.orderId(), e.getMessage());
            return GatewayCharge.declined(null, DeclineReasons.AMOUNT_NOT_SUPPORTED);
        }
        try {
            String customer = customers.forOrder(request.orderId());
            attach(request.paymentMethod(), customer, request.idempotencyKey() + "/attach");
            PaymentIntent intent =
                    keyMayBeForgotten ? madeUnder(request.idempotencyKey()).orElse(null) : null;
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
            if (StripeIntents.unknownMethod(refused)) {
                throw new UnknownPaymentMethodException(request.paymentMethod());
            }
            if (StripeIntents.amountOutOfBounds(refused)) {
                // No retry makes a card payment of this size possible: the order hears it as a decline.
                log.warn(
                        "Order {}: Stripe refuses {}: {}",
                        request.orderId(),
                        request.amount().display(),
                        refused.getCode());
                return GatewayCharge.declined(null, refused.getCode());
            }
            throw StripeIntents.unavailable("charge " + request.idempotencyKey(), refused);
        } catch (StripeException e) {
            throw StripeIntents.unavailable("charge " + request.idempotencyKey(), e);
        }
    }

    @Override
    public GatewayCharge recheck(String reference) {
        return waiting.recheck(reference);
    }

    @Override
    public GatewayCharge cancelWaiting(String chargeKey, String reference) {
        return waiting.cancel(chargeKey, reference);
    }

    @Override
    public SavedMethod save(SaveMethodRequest request) {
        String key = request.idempotencyKey();
        try {
            String customer = customers.forOrder(request.orderId());
            attach(request.paymentMethod(), customer, key + "/attach");
            SetupIntentCreateParams.Builder params = SetupIntentCreateParams.builder()
                    .setCustomer(customer)
                    .setPaymentMethod(request.paymentMethod())
                    .addPaymentMethodType(CARD)
                    .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .setConfirm(true)
                    .putMetadata("order_id", request.orderId());
            if (request.returnUrl() != null) {
                params.setReturnUrl(request.returnUrl());
            }
            return StripeIntents.savedOf(stripe.v1().setupIntents().create(params.build(), key(key)));
        } catch (CardException declined) {
            return StripeIntents.notSaved(declined);
        } catch (InvalidRequestException refused) {
            if (StripeIntents.unknownMethod(refused)) {
                return new SavedMethod(null, DeclineReasons.issue(PaymentIssue.PAYMENT_METHOD_UNKNOWN, null));
            }
            throw StripeIntents.unavailable("saving " + key, refused);
        } catch (StripeException e) {
            throw StripeIntents.unavailable("saving " + key, e);
        }
    }

    @Override
    public GatewayRefund refund(String idempotencyKey, String chargeReference, Money amount) {
        return refunds.refund(idempotencyKey, chargeReference, amount);
    }

    @Override
    public List<GatewayRefund> refundsOf(String chargeReference) {
        return refunds.of(chargeReference);
    }

    private void attach(String paymentMethod, String customer, String key) throws StripeException {
        stripe.v1()
                .paymentMethods()
                .attach(
                        paymentMethod,
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer)
                                .build(),
                        key(key));
    }

    private PaymentIntent create(ChargeRequest request, String customer, long amount) throws StripeException {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(StripeAmounts.currency(request.amount()))
                .setCustomer(customer)
                .setPaymentMethod(request.paymentMethod())
                .addPaymentMethodType(CARD)
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
        } catch (StripeException e) {
            throw StripeIntents.unavailable("confirmation of " + intent.getId(), e);
        }
    }

    /**
     * The PaymentIntent made under a charge key, found by its metadata: after a day Stripe has forgotten the key, and
     * creating again would charge twice. A paid one wins over others; else the latest.
     */
    private Optional<PaymentIntent> madeUnder(String chargeKey) throws StripeException {
        List<PaymentIntent> found = stripe.v1()
                .paymentIntents()
                .search(PaymentIntentSearchParams.builder()
                        .setQuery("metadata['charge_key']:'" + chargeKey.replace("'", "\\'") + "'")
                        .build())
                .getData();
        log.info(
                "Charge {} may be older than Stripe's memory of keys: {} PaymentIntent(s) found",
                chargeKey,
                found.size());
        return found.stream()
                .max(Comparator.comparing((PaymentIntent intent) -> "succeeded".equals(intent.getStatus()))
                        .thenComparing(PaymentIntent::getCreated));
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
