package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.PaymentIssue;
import java.util.Map;
import java.util.Set;

/**
 * The processor's decline codes as the customer and support read them: a short reason of our own, never the
 * processor's message. Declines that hint at fraud (a lost or stolen card) read as a plain decline, as processors
 * advise; the precise code stays in {@code payments.failure_reason} for support.
 */
final class DeclineReasons {

    /** A decline that names no reason. */
    static final String CARD_DECLINED = "card_declined";
    /** An amount the processor cannot take in its currency (a three-decimal amount not ending in 0). */
    static final String AMOUNT_NOT_SUPPORTED = "amount_not_supported";
    /**
     * A method the processor will not use for this payment, for good: another customer's card, one used before, a
     * customer deleted at the processor, a currency it does not take.
     */
    static final String PAYMENT_METHOD_UNUSABLE = "payment_method_unusable";
    /** A charge that waited on the customer's bank and was let go of (cancelled at the processor) before they confirmed. */
    static final String ABANDONED = "abandoned";

    private static final Set<String> SHOWN_AS_DECLINED = Set.of(
            "generic_decline",
            "lost_card",
            "stolen_card",
            "fraudulent",
            "pickup_card",
            "merchant_blacklist",
            "restricted_card",
            "security_violation",
            "do_not_honor",
            "do_not_try_again");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(CARD_DECLINED, "Your bank declined the payment."),
            Map.entry("insufficient_funds", "The card has insufficient funds."),
            Map.entry("expired_card", "The card has expired."),
            Map.entry("incorrect_cvc", "The card's security code is incorrect."),
            Map.entry("invalid_cvc", "The card's security code is incorrect."),
            Map.entry("incorrect_number", "The card number is incorrect."),
            Map.entry("invalid_number", "The card number is incorrect."),
            Map.entry("invalid_expiry_month", "The card's expiry date is incorrect."),
            Map.entry("invalid_expiry_year", "The card's expiry date is incorrect."),
            Map.entry("processing_error", "The payment could not be processed; please try again."),
            Map.entry("card_velocity_exceeded", "The card has reached its limit; please use another card."),
            Map.entry("withdrawal_count_limit_exceeded", "The card has reached its limit; please use another card."),
            Map.entry("currency_not_supported", "The card cannot pay in this currency."),
            Map.entry("card_not_supported", "The card does not support this kind of payment."),
            Map.entry("payment_intent_authentication_failure", "The payment was not confirmed with your bank."),
            Map.entry(PaymentIssue.AUTHENTICATION_REQUIRED, "Your bank asks you to confirm this payment."),
            Map.entry(PaymentIssue.PAYMENT_METHOD_UNKNOWN, "The payment method is not known; please choose another."),
            Map.entry(
                    PAYMENT_METHOD_UNUSABLE,
                    "This payment method cannot be used for this payment; please choose another."),
            Map.entry(ABANDONED, "The payment was cancelled before it was confirmed with your bank."),
            Map.entry(AMOUNT_NOT_SUPPORTED, "This amount cannot be charged to a card in its currency."),
            Map.entry("amount_too_small", "The amount is below the smallest card payment allowed."),
            Map.entry("amount_too_large", "The amount is above the largest card payment allowed."));

    private DeclineReasons() {}

    /**
     * The code to record for a decline: the decline code when the processor gives one ({@code insufficient_funds}),
     * else its error code ({@code expired_card}); {@code generic_decline} is recorded as {@code card_declined}.
     */
    static String recordedCode(String code, String declineCode) {
        if (declineCode != null && !declineCode.isBlank() && !"generic_decline".equals(declineCode)) {
            return declineCode;
        }
        return code == null || code.isBlank() ? CARD_DECLINED : code;
    }

    /** The issue the customer sees for a recorded code (and the message recorded with it, when there is one). */
    static PaymentIssue issue(String recordedCode, String recordedMessage) {
        String code = recordedCode == null || SHOWN_AS_DECLINED.contains(recordedCode) ? CARD_DECLINED : recordedCode;
        String message = recordedMessage != null ? recordedMessage : messageFor(code);
        return PaymentIssue.declined(code, message);
    }

    /** The short reason for a code; a code we have no words for reads as a plain decline. */
    static String messageFor(String code) {
        String shown = code == null || SHOWN_AS_DECLINED.contains(code) ? CARD_DECLINED : code;
        return REASONS.getOrDefault(shown, REASONS.get(CARD_DECLINED));
    }

    /** The bank asks the customer to confirm: {@code actionUrl} is its page (null when the processor gave none). */
    static PaymentIssue authenticationRequired(String actionUrl) {
        return new PaymentIssue(
                PaymentIssue.AUTHENTICATION_REQUIRED, REASONS.get(PaymentIssue.AUTHENTICATION_REQUIRED), actionUrl);
    }
}
