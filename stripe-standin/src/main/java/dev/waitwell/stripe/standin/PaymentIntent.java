package dev.waitwell.stripe.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PaymentIntent and its life: confirmed on- or off-session, waiting on the customer's bank, paid or declined. */
final class PaymentIntent {

    /** The statuses Stripe cancels an intent in (processing only in rare cases, for methods other than cards). */
    private static final List<String> CANCELABLE = List.of(
            "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing");

    private final String id = Store.newId("pi");
    private final long created = Store.now();
    private final long amount;
    private final String currency;
    private final String customer;
    private final String setupFutureUsage;
    private final List<String> paymentMethodTypes;
    private final Map<String, String> metadata;
    private String paymentMethod;
    private String status;
    private String returnUrl;
    private Map<String, Object> nextAction;
    private Map<String, Object> lastPaymentError;
    private String latestCharge;
    private String cancellationReason;
    private Long canceledAt;

    PaymentIntent(
            long amount,
            String currency,
            String customer,
            String paymentMethod,
            String setupFutureUsage,
            List<String> paymentMethodTypes,
            Map<String, String> metadata) {
        this.amount = amount;
        this.currency = currency;
        this.customer = customer;
        this.paymentMethod = paymentMethod;
        this.setupFutureUsage = setupFutureUsage;
        this.paymentMethodTypes = paymentMethodTypes;
        this.metadata = metadata;
        this.status = paymentMethod == null ? "requires_payment_method" : "requires_confirmation";
    }

    String id() {
        return id;
    }

    long amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    String customer() {
        return customer;
    }

    String paymentMethod() {
        return paymentMethod;
    }

    String status() {
        return status;
    }

    String returnUrl() {
        return returnUrl;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    long created() {
        return created;
    }

    /**
     * Confirms with the method on file (or {@code newMethod}): the test card decides. Off-session, a card that needs
     * authentication is declined ({@code authentication_required}); on-session it waits on the customer's bank.
     *
     * @throws ApiError a card error (402) carrying this intent, when declined
     */
    void confirm(Store store, String newMethod, boolean offSession, String newReturnUrl) {
        if (!List.of("requires_payment_method", "requires_confirmation", "requires_action")
                .contains(status)) {
            throw ApiError.invalidRequest(
                    "payment_intent_unexpected_state",
                    null,
                    "You cannot confirm this PaymentIntent because it has a status of " + status + ".");
        }
        if (newMethod != null) {
            paymentMethod = newMethod;
        }
        if (paymentMethod == null) {
            throw ApiError.invalidRequest(
                    "payment_intent_unexpected_state",
                    "payment_method",
                    "You cannot confirm this PaymentIntent because it's missing a payment method.");
        }
        TestCard card = store.card(paymentMethod);
        returnUrl = newReturnUrl;
        lastPaymentError = null;
        if (card.requiresAuthentication()) {
            if (offSession) {
                throw declined(store, TestCard.Decline.AUTHENTICATION_REQUIRED);
            }
            status = "requires_action";
            nextAction = NextAction.of(store, id, returnUrl);
            return;
        }
        if (card.decline().isPresent()) {
            throw declined(store, card.decline().get());
        }
        succeed(store);
    }

    /** The customer came back from their bank: authenticated, or not (the intent then needs a new method). */
    void authenticated(Store store, boolean succeeded) {
        if (!"requires_action".equals(status)) {
            throw new IllegalStateException(id + " does not wait on the customer: it is " + status);
        }
        nextAction = null;
        if (succeeded) {
            succeed(store);
        } else {
            status = "requires_payment_method";
            lastPaymentError = NextAction.error(store, TestCard.Decline.AUTHENTICATION_FAILED, paymentMethod);
        }
    }

    /**
     * Cancelled: it can never succeed any more (a confirmation, or the customer's bank, is refused from now on). As
     * Stripe does, an intent that succeeded, or was cancelled already, is refused with the intent in the error.
     */
    void cancel(String reason) {
        if (!CANCELABLE.contains(status)) {
            throw ApiError.unexpectedState(
                    "payment_intent",
                    json(),
                    "You cannot cancel this PaymentIntent because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be canceled: "
                            + String.join(", ", CANCELABLE) + ".");
        }
        status = "canceled";
        nextAction = null;
        cancellationReason = reason;
        canceledAt = Store.now();
    }

    private void succeed(Store store) {
        status = "succeeded";
        nextAction = null;
        latestCharge = (String) store.newCharge(this, true).get("id");
        if (setupFutureUsage != null && customer != null) {
            store.attach(store.card(paymentMethod), customer);
        }
    }

    private ApiError declined(Store store, TestCard.Decline decline) {
        status = "requires_payment_method";
        nextAction = null;
        latestCharge = (String) store.newCharge(this, false).get("id");
        lastPaymentError = NextAction.error(store, decline, paymentMethod);
        return ApiError.card(decline, "payment_intent", json(), latestCharge);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "payment_intent");
        json.put("amount", amount);
        json.put("amount_capturable", 0L);
        json.put("amount_received", "succeeded".equals(status) ? amount : 0L);
        json.put("canceled_at", canceledAt);
        json.put("cancellation_reason", cancellationReason);
        json.put("capture_method", "automatic");
        json.put("client_secret", id + "_secret_standin");
        json.put("confirmation_method", "automatic");
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer", customer);
        json.put("last_payment_error", lastPaymentError);
        json.put("latest_charge", latestCharge);
        json.put("livemode", false);
        json.put("metadata", metadata);
        json.put("next_action", nextAction);
        json.put("payment_method", paymentMethod);
        json.put("payment_method_types", paymentMethodTypes);
        json.put("setup_future_usage", setupFutureUsage);
        json.put("status", status);
        return json;
    }
}
