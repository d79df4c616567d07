package dev.waitwell.stripe.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's {@code /v1} API: records every request, authenticates, applies outages, replays idempotent POSTs and
 * routes the rest. All state changes happen under one lock.
 */
final class ApiHandler implements HttpHandler {

    private static final Pattern ID_PATH = Pattern.compile("/v1/([a-z_]+)/([A-Za-z0-9_]+)(/[a-z_]+)?");

    /** An answer as written: status and JSON body. */
    record Answer(int status, String body, boolean replayed) {}

    /** The first answer to an idempotent request and what that request was. */
    private record Stored(String method, String path, Map<String, String> params, Answer answer) {

        boolean sameRequest(String method, String path, Map<String, String> params) {
            return this.method.equals(method) && this.path.equals(path) && this.params.equals(params);
        }
    }

    private final Object lock;
    private final Intents intents;
    private final Refunds refunds;
    private final Outages outages = new Outages();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Stored> idempotent = new HashMap<>();

    ApiHandler(Object lock, Intents intents, Refunds refunds) {
        this.lock = lock;
        this.intents = intents;
        this.refunds = refunds;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    Outages outages() {
        return outages;
    }

    void forgetIdempotencyKeys() {
        synchronized (lock) {
            idempotent.clear();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = Form.parse(
                    "POST".equals(method) ? body : exchange.getRequestURI().getRawQuery());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new RecordedRequest(method, path, key, params));
            Outages.Trouble trouble = outages.next(method, path);
            Answer answer;
            if (trouble.mode() == Outages.Mode.FAIL) {
                answer = error(ApiError.server());
            } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = error(ApiError.unauthenticated());
            } else if (trouble.mode() == Outages.Mode.REFUSE) {
                answer = new Answer(
                        trouble.refusal().status(), Json.write(trouble.refusal().body()), false);
            } else {
                answer = answer(method, path, "POST".equals(method) ? key : null, params, trouble.mode());
            }
            if (trouble.mode() == Outages.Mode.HANG) {
                sleep(trouble.delay().toMillis());
            }
            write(exchange, answer, key);
        }
    }

    private Answer answer(String method, String path, String key, Map<String, String> params, Outages.Mode mode) {
        synchronized (lock) {
            Stored earlier = key == null ? null : idempotent.get(key);
            if (earlier != null) {
                return earlier.sameRequest(method, path, params)
                        ? new Answer(earlier.answer().status(), earlier.answer().body(), true)
                        : error(ApiError.idempotency(key));
            }
            Answer answer;
            if (mode == Outages.Mode.FAIL_KEPT) {
                answer = error(ApiError.server());
            } else {
                try {
                    answer = new Answer(200, Json.write(route(method, path, params)), false);
                } catch (ApiError e) {
                    answer = error(e);
                    if (!e.executed()) {
                        return answer; // Stripe keeps no result for a request it refused before running it
                    }
                }
                if (mode == Outages.Mode.FAIL_KEPT_AFTER_RUNNING) {
                    answer = error(ApiError.server());
                }
            }
            if (key != null) {
                idempotent.put(key, new Stored(method, path, params, answer));
            }
            return answer;
        }
    }

    private Map<String, Object> route(String method, String path, Map<String, String> params) {
        boolean post = "POST".equals(method);
        switch (path) {
            case "/v1/customers":
                return post ? intents.createCustomer(params) : unknown(method, path);
            case "/v1/setup_intents":
                return post ? intents.createSetupIntent(params) : unknown(method, path);
            case "/v1/payment_intents":
                return post ? intents.createPaymentIntent(params) : unknown(method, path);
            case "/v1/payment_intents/search":
                return post ? unknown(method, path) : intents.search(params);
            case "/v1/refunds":
                return post ? refunds.create(params) : refunds.list(params);
            default:
                return routeById(method, path, params);
        }
    }

    private Map<String, Object> routeById(String method, String path, Map<String, String> params) {
        Matcher matcher = ID_PATH.matcher(path);
        if (!matcher.matches()) {
            return unknown(method, path);
        }
        String resource = matcher.group(1);
        String id = matcher.group(2);
        String action = matcher.group(3) == null ? "" : matcher.group(3);
        String route = method + " " + resource + action;
        return switch (route) {
            case "GET customers" -> intents.customer(id);
            case "DELETE customers" -> intents.deleteCustomer(id);
            case "GET payment_methods" -> intents.paymentMethod(id);
            case "POST payment_methods/attach" -> intents.attach(id, params);
            case "GET setup_intents" -> intents.setupIntent(id);
            case "GET payment_intents" -> intents.paymentIntent(id);
            case "POST payment_intents/confirm" -> intents.confirmPaymentIntent(id, params);
            case "POST payment_intents/cancel" -> intents.cancelPaymentIntent(id, params);
            case "GET refunds" -> refunds.retrieve(id);
            default -> unknown(method, path);
        };
    }

    private static Map<String, Object> unknown(String method, String path) {
        throw ApiError.notFound(null, "Unrecognized request URL (" + method + ": " + path + ").");
    }

    /** A secret key as stripe-java sends it ({@code Bearer sk_...}) or as curl does ({@code -u sk_...:}). */
    private static boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Basic ")) {
            try {
                authorization = "Bearer "
                        + new String(
                                Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                                StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return authorization.startsWith("Bearer sk_") || authorization.startsWith("Bearer rk_");
    }

    private static Answer error(ApiError error) {
        return new Answer(error.status(), Json.write(error.body()), false);
    }

    private static void write(HttpExchange exchange, Answer answer, String key) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", Store.newId("req"));
        if (key != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", key);
        }
        if (answer.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The client gave up waiting (a hang): the work is done, as it would be at Stripe.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
