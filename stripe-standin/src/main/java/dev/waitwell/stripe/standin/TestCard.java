package dev.waitwell.stripe.standin;

import java.util.Arrays;
import java.util.Optional;

/**
 * Stripe's test payment methods the stand-in knows, with the behaviour Stripe documents for their card numbers. Any
 * other {@code pm_} id is unknown ({@code resource_missing}), as it is to Stripe.
 */
enum TestCard {
    VISA("pm_card_visa", "visa", "4242", null, false, false),
    MASTERCARD("pm_card_mastercard", "mastercard", "4444", null, false, false),
    /** 4000000000000002: declined on every use, attaching included (Stripe checks the card when it is attached). */
    CHARGE_DECLINED("pm_card_chargeDeclined", "visa", "0002", Decline.GENERIC, true, false),
    /** 4000000000000341: attaches, then every charge is declined. */
    CHARGE_CUSTOMER_FAIL("pm_card_chargeCustomerFail", "visa", "0341", Decline.GENERIC, false, false),
    INSUFFICIENT_FUNDS(
            "pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", Decline.INSUFFICIENT_FUNDS, false, false),
    EXPIRED_CARD("pm_card_chargeDeclinedExpiredCard", "visa", "0069", Decline.EXPIRED_CARD, true, false),
    INCORRECT_CVC("pm_card_chargeDeclinedIncorrectCvc", "visa", "0127", Decline.INCORRECT_CVC, true, false),
    PROCESSING_ERROR("pm_card_chargeDeclinedProcessingError", "visa", "0119", Decline.PROCESSING_ERROR, true, false),
    /** 4000002760003184: the bank asks for authentication on every payment and every setup. */
    AUTHENTICATION_REQUIRED("pm_card_authenticationRequired", "visa", "3184", null, false, true);

    /** How a charge is declined: Stripe's error code, decline code and (English) message. */
    enum Decline {
        GENERIC("card_declined", "generic_decline", "Your card was declined."),
        INSUFFICIENT_FUNDS("card_declined", "insufficient_funds", "Your card has insufficient funds."),
        EXPIRED_CARD("expired_card", "expired_card", "Your card has expired."),
        INCORRECT_CVC("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
        PROCESSING_ERROR(
                "processing_error",
                "processing_error",
                "An error occurred while processing your card. Try again in a little bit."),
        AUTHENTICATION_REQUIRED(
                "authentication_required",
                "authentication_required",
                "Your card was declined. This transaction requires authentication."),
        AUTHENTICATION_FAILED(
                "payment_intent_authentication_failure",
                null,
                "We are unable to authenticate your payment method. Please choose a different payment method and"
                        + " try again.");

        private final String code;
        private final String declineCode;
        private final String message;

        Decline(String code, String declineCode, String message) {
            this.code = code;
            this.declineCode = declineCode;
            this.message = message;
        }

        String code() {
            return code;
        }

        String declineCode() {
            return declineCode;
        }

        String message() {
            return message;
        }
    }

    private final String id;
    private final String brand;
    private final String last4;
    private final Decline decline;
    private final boolean declinesOnAttach;
    private final boolean requiresAuthentication;

    TestCard(
            String id,
            String brand,
            String last4,
            Decline decline,
            boolean declinesOnAttach,
            boolean requiresAuthentication) {
        this.id = id;
        this.brand = brand;
        this.last4 = last4;
        this.decline = decline;
        this.declinesOnAttach = declinesOnAttach;
        this.requiresAuthentication = requiresAuthentication;
    }

    static Optional<TestCard> of(String paymentMethod) {
        return Arrays.stream(values())
                .filter(card -> card.id.equals(paymentMethod))
                .findFirst();
    }

    String id() {
        return id;
    }

    String brand() {
        return brand;
    }

    String last4() {
        return last4;
    }

    /** The decline of every charge on this card; empty when charges go through (or need authentication). */
    Optional<Decline> decline() {
        return Optional.ofNullable(decline);
    }

    boolean declinesOnAttach() {
        return declinesOnAttach;
    }

    boolean requiresAuthentication() {
        return requiresAuthentication;
    }
}
