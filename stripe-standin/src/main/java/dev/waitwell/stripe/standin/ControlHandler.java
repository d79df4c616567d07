package dev.waitwell.stripe.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test in another process (the local end-to-end run) needs beyond Stripe's API, and the bank's page:
 *
 * <ul>
 *   <li>{@code GET /_standin/authenticate/{intent}}: the bank's page (the intent's {@code redirect_to_url}); its buttons
 *       {@code POST} the outcome ({@code outcome=succeeded|failed}) and come back to the intent's {@code return_url}
 *       with {@code payment_intent} (or {@code setup_intent}) and {@code redirect_status}, as Stripe does
 *   <li>{@code POST /_standin/intents/{intent}/authentication?succeeded=true|false}: the same without a browser
 *   <li>{@code POST /_standin/payment_intents/{intent}/dashboard_refund?amount=N}: a refund made in the dashboard
 *   <li>{@code POST /_standin/outage?fail=N} or {@code ?hang=N&millis=M}, optionally of one endpoint only
 *       ({@code &method=POST&path=/v1/payment_intents}); of one endpoint, {@code ?fail_kept=N&carried_out=true} (a
 *       500 kept under the key) or {@code ?refuse=N&refusal=rate_limited} (a {@link Refusal});
 *       {@code POST /_standin/forget_idempotency_keys}
 *   <li>{@code GET /_standin/requests}: every recorded request
 *   <li>{@code GET /_standin/events/signed?type=T&payment_intent=pi_...&secret=whsec_...}: a signed webhook event whose
 *       object is the PaymentIntent ({@code payment_intent.*}) or its latest charge ({@code charge.*}), as
 *       {@code {"id", "payload", "signature"}}
 * </ul>
 */
final class ControlHandler implements HttpHandler {

    private final StripeStandIn standIn;

    ControlHandler(StripeStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI()
                    .getPath()
                    .substring("/_standin/".length())
                    .split("/");
            Map<String, String> params =
                    new LinkedHashMap<>(Form.parse(exchange.getRequestURI().getRawQuery()));
            params.putAll(Form.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                handle(exchange, method, List.of(path), params);
            } catch (ApiError e) {
                json(exchange, e.status(), e.body());
            } catch (IllegalArgumentException | IllegalStateException e) {
                json(exchange, 409, Map.of("error", e.getMessage()));
            }
        }
    }

    private void handle(HttpExchange exchange, String method, List<String> path, Map<String, String> params)
            throws IOException {
        String route = method + " " + path.get(0);
        switch (route) {
            case "GET authenticate" -> html(exchange, bankPage(path.get(1)));
            case "POST authenticate" -> authenticateAndReturn(exchange, path.get(1), params.get("outcome"));
            case "POST intents" ->
                json(
                        exchange,
                        200,
                        Map.of(
                                "status",
                                standIn.completeAuthentication(path.get(1), "true".equals(params.get("succeeded")))));
            case "POST payment_intents" ->
                json(
                        exchange,
                        200,
                        Map.of("id", standIn.refundInDashboard(path.get(1), Long.parseLong(params.get("amount")))));
            case "POST outage" -> {
                outage(params);
                json(exchange, 200, Map.of("ok", true));
            }
            case "POST forget_idempotency_keys" -> {
                standIn.forgetIdempotencyKeys();
                json(exchange, 200, Map.of("ok", true));
            }
            case "GET requests" -> json(exchange, 200, Map.of("data", requests()));
            case "GET events" -> json(exchange, 200, signedEvent(params));
            default -> json(exchange, 404, Map.of("error", "unknown stand-in control " + route));
        }
    }

    /**
     * {@code fail=N} or {@code hang=N&millis=M}, of one endpoint with {@code method} and {@code path}, or any; or, of
     * one endpoint, {@code fail_kept=N&carried_out=...} or {@code refuse=N&refusal=...}.
     */
    private void outage(Map<String, String> params) {
        String method = params.get("method");
        String path = params.get("path");
        if (params.containsKey("fail_kept")) {
            standIn.failNextRequestsKeepingTheError(
                    method, path, Integer.parseInt(params.get("fail_kept")), "true".equals(params.get("carried_out")));
            return;
        }
        if (params.containsKey("refuse")) {
            standIn.refuseNextRequests(
                    method, path, Integer.parseInt(params.get("refuse")), Refusal.named(params.get("refusal")));
            return;
        }
        if (params.containsKey("fail")) {
            int count = Integer.parseInt(params.get("fail"));
            if (path == null) {
                standIn.failNextRequests(count);
            } else {
                standIn.failNextRequests(method, path, count);
            }
            return;
        }
        int count = Integer.parseInt(params.get("hang"));
        Duration delay = Duration.ofMillis(Long.parseLong(params.getOrDefault("millis", "30000")));
        if (path == null) {
            standIn.hangNextRequests(count, delay);
        } else {
            standIn.hangNextRequests(method, path, count, delay);
        }
    }

    private String bankPage(String intentId) {
        String action = "/_standin/authenticate/" + intentId;
        return "<!doctype html><html><head><title>Your bank: confirm the payment</title></head><body>"
                + "<h1>Your bank asks you to confirm</h1><p>" + intentId + "</p>"
                + "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"outcome\""
                + " value=\"succeeded\"><button id=\"complete\" type=\"submit\">Complete authentication</button></form>"
                + "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"outcome\""
                + " value=\"failed\"><button id=\"fail\" type=\"submit\">Fail authentication</button></form>"
                + "</body></html>";
    }

    private void authenticateAndReturn(HttpExchange exchange, String intentId, String outcome) throws IOException {
        boolean succeeded = "succeeded".equals(outcome);
        standIn.completeAuthentication(intentId, succeeded);
        String returnUrl = standIn.returnUrlOf(intentId);
        if (returnUrl == null) {
            html(exchange, "<!doctype html><p>Done: " + outcome + "</p>");
            return;
        }
        String kind = intentId.startsWith("seti_") ? "setup_intent" : "payment_intent";
        String location = returnUrl + (returnUrl.contains("?") ? "&" : "?") + kind + "="
                + URLEncoder.encode(intentId, StandardCharsets.UTF_8) + "&redirect_status="
                + (succeeded ? "succeeded" : "failed");
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private List<Map<String, Object>> requests() {
        return standIn.requests().stream()
                .map(request -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("method", request.method());
                    json.put("path", request.path());
                    json.put("idempotency_key", request.idempotencyKey());
                    json.put("params", new LinkedHashMap<String, Object>(request.params()));
                    return json;
                })
                .toList();
    }

    private Map<String, Object> signedEvent(Map<String, String> params) {
        String type = params.get("type");
        String paymentIntent = params.get("payment_intent");
        String object = type.startsWith("charge.")
                ? standIn.chargeJson(paymentIntent)
                : standIn.paymentIntentJson(paymentIntent);
        SignedEvent event = StripeStandIn.signedEvent(type, object, params.get("secret"));
        return Map.of("id", event.id(), "payload", event.payload(), "signature", event.signature());
    }

    private static void html(HttpExchange exchange, String html) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
