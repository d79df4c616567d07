package dev.waitwell.stripe.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A SetupIntent: saves a payment method on a customer for later payments, with the bank's say where it asks. */
final class SetupIntent {

    private final String id = Store.newId("seti");
    private final long created = Store.now();
    private final String customer;
    private final String paymentMethod;
    private final String usage;
    private final List<String> paymentMethodTypes;
    private final Map<String, String> metadata;
    private String status;
    private String returnUrl;
    private Map<String, Object> nextAction;
    private Map<String, Object> lastSetupError;

    SetupIntent(
            String customer,
            String paymentMethod,
            String usage,
            List<String> paymentMethodTypes,
            Map<String, String> metadata) {
        this.customer = customer;
        this.paymentMethod = paymentMethod;
        this.usage = usage;
        this.paymentMethodTypes = paymentMethodTypes;
        this.metadata = metadata;
        this.status = paymentMethod == null ? "requires_payment_method" : "requires_confirmation";
    }

    String id() {
        return id;
    }

    String returnUrl() {
        return returnUrl;
    }

    /**
     * Confirms the setup: a card that needs authentication waits on the customer's bank, one Stripe cannot attach is
     * declined (402, with this intent in the error), the others are attached to the customer.
     */
    void confirm(Store store, String newReturnUrl) {
        TestCard card = store.card(paymentMethod);
        returnUrl = newReturnUrl;
        if (card.requiresAuthentication()) {
            status = "requires_action";
            nextAction = NextAction.of(store, id, returnUrl);
            return;
        }
        if (card.declinesOnAttach()) {
            TestCard.Decline decline = card.decline().orElseThrow();
            status = "requires_payment_method";
            lastSetupError = NextAction.error(store, decline, paymentMethod);
            throw ApiError.card(decline, "setup_intent", json(), null);
        }
        succeed(store, card);
    }

    void authenticated(Store store, boolean succeeded) {
        if (!"requires_action".equals(status)) {
            throw new IllegalStateException(id + " does not wait on the customer: it is " + status);
        }
        nextAction = null;
        if (succeeded) {
            succeed(store, store.card(paymentMethod));
        } else {
            status = "requires_payment_method";
            lastSetupError = NextAction.error(store, TestCard.Decline.AUTHENTICATION_FAILED, paymentMethod);
        }
    }

    private void succeed(Store store, TestCard card) {
        status = "succeeded";
        if (customer != null) {
            store.attach(card, customer);
        }
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "setup_intent");
        json.put("client_secret", id + "_secret_standin");
        json.put("created", created);
        json.put("customer", customer);
        json.put("last_setup_error", lastSetupError);
        json.put("livemode", false);
        json.put("metadata", metadata);
        json.put("next_action", nextAction);
        json.put("payment_method", paymentMethod);
        json.put("payment_method_types", paymentMethodTypes);
        json.put("status", status);
        json.put("usage", usage);
        return json;
    }
}
