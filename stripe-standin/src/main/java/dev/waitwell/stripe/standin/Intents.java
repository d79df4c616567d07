package dev.waitwell.stripe.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Customers, payment methods and intents: the endpoints that take money or save a card. */
final class Intents {

    /** The smallest charge Stripe takes in some currencies (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
    private static final Map<String, Long> MINIMUM = Map.of("usd", 50L, "eur", 50L, "gbp", 30L, "jpy", 50L, "chf", 50L);
    /** Stripe wants these amounts in three decimals, the last of them 0. */
    private static final Set<String> THREE_DECIMALS = Set.of("bhd", "jod", "kwd", "omr", "tnd");
    /** ISO currencies Stripe takes no payments in (those of countries it does not serve, among others). */
    private static final Set<String> UNSUPPORTED_CURRENCIES = Set.of("cup", "irr", "kpw", "syp");
    /** Stripe's reasons for cancelling a PaymentIntent. */
    private static final Set<String> CANCELLATION_REASONS =
            Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    /** One metadata clause of a search query: {@code metadata['order_id']:'o-1'}. */
    private static final Pattern METADATA_CLAUSE = Pattern.compile("metadata\\['([^']+)'\\]:'([^']*)'");

    private static final Pattern FIELD_CLAUSE = Pattern.compile("(status|customer|currency):'([^']*)'");

    private final Store store;

    Intents(Store store) {
        this.store = store;
    }

    Map<String, Object> createCustomer(Map<String, String> params) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", Store.newId("cus"));
        customer.put("object", "customer");
        customer.put("created", Store.now());
        customer.put("email", params.get("email"));
        customer.put("name", params.get("name"));
        customer.put("livemode", false);
        customer.put("metadata", Form.nested(params, "metadata"));
        store.customers.put((String) customer.get("id"), customer);
        return customer;
    }

    /** A deleted customer can still be read, as a stub that says so; used in a request, it is unknown. */
    Map<String, Object> customer(String id) {
        return store.deletedCustomers.contains(id) ? deletedCustomer(id) : store.customer(id);
    }

    Map<String, Object> deleteCustomer(String id) {
        store.deleteCustomer(id);
        return deletedCustomer(id);
    }

    private static Map<String, Object> deletedCustomer(String id) {
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("id", id);
        deleted.put("object", "customer");
        deleted.put("deleted", true);
        return deleted;
    }

    /** Stripe checks the card when it is attached: a card that declines everything is declined here already. */
    Map<String, Object> attach(String paymentMethod, Map<String, String> params) {
        TestCard card = store.card(paymentMethod);
        String customer = required(params, "customer");
        store.customer(customer);
        if (card.declinesOnAttach()) {
            throw ApiError.card(card.decline().orElseThrow(), "payment_method", null, null);
        }
        store.attach(card, customer);
        return store.paymentMethodJson(card);
    }

    Map<String, Object> paymentMethod(String id) {
        return store.paymentMethodJson(store.card(id));
    }

    Map<String, Object> createSetupIntent(Map<String, String> params) {
        String customer = params.get("customer");
        if (customer != null) {
            store.customer(customer);
        }
        String paymentMethod = params.get("payment_method");
        if (paymentMethod != null) {
            store.card(paymentMethod);
        }
        requireReturnUrlRule(params);
        SetupIntent intent = new SetupIntent(
                customer,
                paymentMethod,
                params.getOrDefault("usage", "off_session"),
                types(params),
                Form.nested(params, "metadata"));
        store.setupIntents.put(intent.id(), intent);
        if ("true".equals(params.get("confirm"))) {
            intent.confirm(store, params.get("return_url"));
        }
        return intent.json();
    }

    Map<String, Object> setupIntent(String id) {
        SetupIntent intent = store.setupIntents.get(id);
        if (intent == null) {
            throw ApiError.notFound("intent", "No such setupintent: '" + id + "'");
        }
        return intent.json();
    }

    Map<String, Object> createPaymentIntent(Map<String, String> params) {
        long amount = amount(params);
        String currency = required(params, "currency");
        checkAmount(amount, currency);
        String customer = params.get("customer");
        if (customer != null) {
            store.customer(customer);
        }
        String paymentMethod = params.get("payment_method");
        if (paymentMethod != null) {
            store.card(paymentMethod);
        }
        boolean confirm = "true".equals(params.get("confirm"));
        if (!confirm && (params.containsKey("off_session") || params.containsKey("return_url"))) {
            throw ApiError.invalidRequest(
                    null, "confirm", "off_session and return_url can only be used when confirm is true.");
        }
        requireReturnUrlRule(params);
        PaymentIntent intent = new PaymentIntent(
                amount,
                currency,
                customer,
                paymentMethod,
                params.get("setup_future_usage"),
                types(params),
                Form.nested(params, "metadata"));
        store.paymentIntents.put(intent.id(), intent);
        if (confirm) {
            intent.confirm(store, null, "true".equals(params.get("off_session")), params.get("return_url"));
        }
        return intent.json();
    }

    Map<String, Object> confirmPaymentIntent(String id, Map<String, String> params) {
        PaymentIntent intent = paymentIntentOf(id);
        String paymentMethod = params.get("payment_method");
        if (paymentMethod != null) {
            store.card(paymentMethod);
        }
        intent.confirm(store, paymentMethod, "true".equals(params.get("off_session")), params.get("return_url"));
        return intent.json();
    }

    Map<String, Object> cancelPaymentIntent(String id, Map<String, String> params) {
        String reason = params.get("cancellation_reason");
        if (reason != null && !CANCELLATION_REASONS.contains(reason)) {
            throw ApiError.invalidRequest(
                    "parameter_invalid",
                    "cancellation_reason",
                    "Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer or"
                            + " abandoned");
        }
        PaymentIntent intent = paymentIntentOf(id);
        intent.cancel(reason);
        return intent.json();
    }

    Map<String, Object> paymentIntent(String id) {
        return paymentIntentOf(id).json();
    }

    PaymentIntent paymentIntentOf(String id) {
        PaymentIntent intent = store.paymentIntents.get(id);
        if (intent == null) {
            throw ApiError.notFound("intent", "No such payment_intent: '" + id + "'");
        }
        return intent;
    }

    /** Stripe's search language, the part of it Waitwell uses: clauses joined by AND, on metadata and a few fields. */
    Map<String, Object> search(Map<String, String> params) {
        String query = required(params, "query");
        List<Map<String, Object>> found = new ArrayList<>();
        List<String> clauses = List.of(query.split("\\s+AND\\s+"));
        for (PaymentIntent intent : store.paymentIntents.values()) {
            if (clauses.stream().allMatch(clause -> matches(intent, clause.trim()))) {
                found.add(0, intent.json()); // newest first
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("object", "search_result");
        result.put("url", "/v1/payment_intents/search");
        result.put("has_more", false);
        result.put("next_page", null);
        result.put("data", found);
        return result;
    }

    private static boolean matches(PaymentIntent intent, String clause) {
        Matcher metadata = METADATA_CLAUSE.matcher(clause);
        if (metadata.matches()) {
            return metadata.group(2).equals(intent.metadata().get(metadata.group(1)));
        }
        Matcher field = FIELD_CLAUSE.matcher(clause);
        if (field.matches()) {
            return field.group(2).equals(String.valueOf(intent.json().get(field.group(1))));
        }
        throw ApiError.invalidRequest("search_query_invalid", "query", "The stand-in cannot search for " + clause);
    }

    /**
     * With automatic payment methods (no {@code payment_method_types}), some of which redirect, Stripe refuses to
     * confirm without a {@code return_url} unless redirects are turned off.
     */
    private static void requireReturnUrlRule(Map<String, String> params) {
        boolean automatic =
                types(params).isEmpty() && !"never".equals(params.get("automatic_payment_methods[allow_redirects]"));
        if ("true".equals(params.get("confirm")) && automatic && !params.containsKey("return_url")) {
            throw ApiError.invalidRequest(
                    null,
                    "return_url",
                    "This PaymentIntent is configured to accept payment methods enabled in your Dashboard, because"
                            + " some of these payment methods might redirect your customer off of your page, you"
                            + " must provide a `return_url`.");
        }
    }

    private static List<String> types(Map<String, String> params) {
        return Form.list(params, "payment_method_types");
    }

    private static void checkAmount(long amount, String currency) {
        if (!currency.equals(currency.toLowerCase()) || currency.length() != 3) {
            throw ApiError.invalidRequest("parameter_invalid", "currency", "Invalid currency: " + currency);
        }
        if (UNSUPPORTED_CURRENCIES.contains(currency)) {
            throw ApiError.invalidRequest(
                    "parameter_invalid",
                    "currency",
                    "Invalid currency: " + currency + ". Stripe takes no payments in this currency.");
        }
        if (amount < MINIMUM.getOrDefault(currency, 1L)) {
            throw ApiError.invalidRequest(
                    "amount_too_small",
                    "amount",
                    "Amount must be at least " + MINIMUM.get(currency) + " in the minor unit of " + currency + ".");
        }
        if (THREE_DECIMALS.contains(currency) && amount % 10 != 0) {
            throw ApiError.invalidRequest(
                    "invalid_amount", "amount", "Amounts in " + currency + " must end in 0 (three decimals).");
        }
        if ("isk".equals(currency) && amount % 100 != 0) {
            throw ApiError.invalidRequest(
                    "invalid_charge_amount_no_decimal_compatible",
                    "amount",
                    "Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be"
                            + " evenly divisible by 100.");
        }
    }

    static long amount(Map<String, String> params) {
        try {
            long amount = Long.parseLong(required(params, "amount"));
            if (amount <= 0) {
                throw ApiError.invalidRequest("parameter_invalid_integer", "amount", "Amount must be positive.");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest(
                    "parameter_invalid_integer", "amount", "Invalid integer: " + params.get("amount"));
        }
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiError.invalidRequest("parameter_missing", name, "Missing required param: " + name + ".");
        }
        return value;
    }
}
