package dev.waitwell.stripe.standin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refusals Stripe answers for what the stand-in does not model (cards saved by other customers, disputes) or for its
 * own load, for a test to ask for ({@link StripeStandIn#refuseNextRequests}): the HTTP status and the error as Stripe
 * writes it.
 */
public enum Refusal {
    /** A card saved by another Stripe customer: a card from Elements belongs to one customer. */
    PAYMENT_METHOD_OF_ANOTHER_CUSTOMER(
            400,
            "invalid_request_error",
            null,
            "payment_method",
            "The payment method you provided has already been attached to a customer."),
    /** A card used once without a customer, or detached from one: Stripe never uses it again. */
    PAYMENT_METHOD_USED_BEFORE(
            400,
            "invalid_request_error",
            null,
            "payment_method",
            "This PaymentMethod was previously used without being attached to a Customer or was detached from a"
                    + " Customer, and may not be used again."),
    /** A refund of a charge the cardholder disputed: the dispute decides where the money goes. */
    CHARGE_DISPUTED(
            400,
            "invalid_request_error",
            "charge_disputed",
            null,
            "This charge has been charged back; cannot issue a refund."),
    /** Too many requests: Stripe's rate limiter. */
    RATE_LIMITED(
            429,
            "invalid_request_error",
            "rate_limit",
            null,
            "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."),
    /** Another request, or a Stripe process, holds the object. */
    LOCK_TIMEOUT(
            429,
            "invalid_request_error",
            "lock_timeout",
            null,
            "This object cannot be accessed right now because another API request or Stripe process is currently"
                    + " accessing it. If you see this error intermittently, retry the request."),
    /** The first request under the key is still running. */
    IDEMPOTENCY_KEY_IN_USE(
            409,
            "idempotency_error",
            "idempotency_key_in_use",
            null,
            "There is currently another in-progress request using this Idempotent Key (that probably means you"
                    + " submitted twice, and the other request is still going through). Please try again later.");

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final String message;

    Refusal(int status, String type, String code, String param, String message) {
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.message = message;
    }

    /** The name the control endpoint takes ({@code rate_limited}). */
    static Refusal named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return Map.of("error", error);
    }
}
