package dev.waitwell.stripe.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Refunds of a PaymentIntent's charge: through the API, or "in the dashboard" (no API request of ours). */
final class Refunds {

    private final Store store;
    private final Intents intents;

    Refunds(Store store, Intents intents) {
        this.store = store;
        this.intents = intents;
    }

    Map<String, Object> create(Map<String, String> params) {
        String paymentIntent = Intents.required(params, "payment_intent");
        Long amount = params.containsKey("amount") ? Intents.amount(params) : null;
        return refund(paymentIntent, amount, Form.nested(params, "metadata"), params.get("reason"));
    }

    /** A refund made in Stripe's dashboard: Stripe has it, Waitwell never asked for it. */
    Map<String, Object> inDashboard(String paymentIntent, long amount) {
        return refund(paymentIntent, amount, Map.of(), "requested_by_customer");
    }

    private Map<String, Object> refund(
            String paymentIntentId, Long amount, Map<String, String> metadata, String reason) {
        PaymentIntent intent = intents.paymentIntentOf(paymentIntentId);
        if (!"succeeded".equals(intent.status())) {
            throw ApiError.invalidRequest(
                    "charge_not_refundable",
                    "payment_intent",
                    "This PaymentIntent (" + paymentIntentId + ") does not have a successful charge to refund.");
        }
        Map<String, Object> charge = chargeOf(intent);
        long refunded = (Long) charge.get("amount_refunded");
        long left = intent.amount() - refunded;
        long refund = amount == null ? left : amount;
        if (left == 0) {
            throw ApiError.refused(
                    "charge_already_refunded", null, "Charge " + charge.get("id") + " has already been refunded.");
        }
        if (refund > left) {
            throw ApiError.refused(
                    "amount_too_large",
                    "amount",
                    "Refund amount (" + refund + ") is greater than unrefunded amount on charge (" + left + ")");
        }
        charge.put("amount_refunded", refunded + refund);
        charge.put("refunded", refunded + refund == intent.amount());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Store.newId("re"));
        json.put("object", "refund");
        json.put("amount", refund);
        json.put("charge", charge.get("id"));
        json.put("created", Store.now());
        json.put("currency", intent.currency());
        json.put("metadata", metadata);
        json.put("payment_intent", intent.id());
        json.put("reason", reason);
        json.put("status", "succeeded");
        store.refunds.add(json);
        return json;
    }

    Map<String, Object> chargeOf(PaymentIntent intent) {
        return store.charges.get((String) intent.json().get("latest_charge"));
    }

    Map<String, Object> retrieve(String id) {
        return store.refunds.stream()
                .filter(refund -> id.equals(refund.get("id")))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("refund", "No such refund: '" + id + "'"));
    }

    /** Newest first, in pages ({@code limit}, {@code starting_after}), as Stripe lists. */
    Map<String, Object> list(Map<String, String> params) {
        String paymentIntent = params.get("payment_intent");
        String charge = params.get("charge");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> refund : store.refunds) {
            if ((paymentIntent == null || paymentIntent.equals(refund.get("payment_intent")))
                    && (charge == null || charge.equals(refund.get("charge")))) {
                matching.add(0, refund);
            }
        }
        String after = params.get("starting_after");
        if (after != null) {
            int index = indexOf(matching, after);
            matching = matching.subList(index + 1, matching.size());
        }
        int limit = Math.min(100, Integer.parseInt(params.getOrDefault("limit", "10")));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("url", "/v1/refunds");
        list.put("has_more", matching.size() > limit);
        list.put("data", List.copyOf(matching.subList(0, Math.min(limit, matching.size()))));
        return list;
    }

    private static int indexOf(List<Map<String, Object>> refunds, String id) {
        for (int i = 0; i < refunds.size(); i++) {
            if (id.equals(refunds.get(i).get("id"))) {
                return i;
            }
        }
        throw ApiError.invalidRequest("resource_missing", "starting_after", "No such refund: '" + id + "'");
    }
}
