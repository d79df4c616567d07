package dev.waitwell.stripe.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one Stripe account holds: customers, attached payment methods, intents, charges and refunds. Not thread-safe:
 * the stand-in works on it under one lock.
 */
final class Store {

    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
    /** Customers deleted (in the dashboard, or through the API): known by id, of no use any more. */
    final Set<String> deletedCustomers = new HashSet<>();
    /** payment method id -> the customer it was last attached to */
    final Map<String, String> attachments = new HashMap<>();

    final Map<String, PaymentIntent> paymentIntents = new LinkedHashMap<>();
    final Map<String, SetupIntent> setupIntents = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> charges = new LinkedHashMap<>();
    final List<Map<String, Object>> refunds = new ArrayList<>();
    private final String baseUrl;

    Store(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_').append("3Q");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 22; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    TestCard card(String paymentMethod) {
        return TestCard.of(paymentMethod)
                .orElseThrow(() -> ApiError.noSuch("PaymentMethod", paymentMethod, "payment_method"));
    }

    Map<String, Object> customer(String id) {
        Map<String, Object> customer = customers.get(id);
        if (customer == null) {
            throw ApiError.noSuch("customer", id, "customer");
        }
        return customer;
    }

    /** Deletes a customer as Stripe does: the payment methods attached to it are detached with it. */
    void deleteCustomer(String id) {
        customer(id);
        customers.remove(id);
        deletedCustomers.add(id);
        attachments.values().removeIf(id::equals);
    }

    /**
     * Attaches a payment method to a customer for later use. The test cards are tokens, as at Stripe: every customer
     * may attach them (a card from Elements, {@code pm_1...}, belongs to one customer; the stand-in knows none).
     */
    void attach(TestCard card, String customer) {
        attachments.put(card.id(), customer);
    }

    Map<String, Object> paymentMethodJson(TestCard card) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", card.id());
        json.put("object", "payment_method");
        json.put("type", "card");
        json.put(
                "card",
                Map.of(
                        "brand",
                        card.brand(),
                        "last4",
                        card.last4(),
                        "exp_month",
                        12,
                        "exp_year",
                        2034,
                        "country",
                        "US"));
        json.put("customer", attachments.get(card.id()));
        json.put("created", now());
        json.put("livemode", false);
        json.put("metadata", Map.of());
        return json;
    }

    /** The bank's page where the customer confirms an intent (the stand-in's own). */
    String authenticationUrl(String intentId) {
        return baseUrl + "/_standin/authenticate/" + intentId;
    }

    /** A charge of a confirmed PaymentIntent, succeeded or failed. */
    Map<String, Object> newCharge(PaymentIntent intent, boolean succeeded) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", newId("ch"));
        charge.put("object", "charge");
        charge.put("amount", intent.amount());
        charge.put("amount_captured", succeeded ? intent.amount() : 0L);
        charge.put("amount_refunded", 0L);
        charge.put("currency", intent.currency());
        charge.put("customer", intent.customer());
        charge.put("payment_intent", intent.id());
        charge.put("payment_method", intent.paymentMethod());
        charge.put("paid", succeeded);
        charge.put("captured", succeeded);
        charge.put("refunded", false);
        charge.put("status", succeeded ? "succeeded" : "failed");
        charge.put("metadata", intent.metadata());
        charge.put("created", now());
        charge.put("livemode", false);
        charges.put((String) charge.get("id"), charge);
        return charge;
    }
}
