package dev.waitwell.stripe.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an intent that waits on the customer's bank asks for, and the error an intent keeps from its last attempt. */
final class NextAction {

    private NextAction() {}

    /**
     * With a {@code return_url} Stripe answers a page to send the customer to ({@code redirect_to_url}); without one
     * it expects Stripe.js to handle it ({@code use_stripe_sdk}).
     */
    static Map<String, Object> of(Store store, String intentId, String returnUrl) {
        Map<String, Object> action = new LinkedHashMap<>();
        if (returnUrl == null) {
            action.put("type", "use_stripe_sdk");
            action.put(
                    "use_stripe_sdk",
                    Map.of("type", "three_d_secure_redirect", "stripe_js", store.authenticationUrl(intentId)));
            return action;
        }
        Map<String, Object> redirect = new LinkedHashMap<>();
        redirect.put("return_url", returnUrl);
        redirect.put("url", store.authenticationUrl(intentId));
        action.put("type", "redirect_to_url");
        action.put("redirect_to_url", redirect);
        return action;
    }

    static Map<String, Object> error(Store store, TestCard.Decline decline, String paymentMethod) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "card_error");
        error.put("code", decline.code());
        error.put("decline_code", decline.declineCode());
        error.put("message", decline.message());
        TestCard.of(paymentMethod).ifPresent(card -> error.put("payment_method", store.paymentMethodJson(card)));
        return error;
    }
}
