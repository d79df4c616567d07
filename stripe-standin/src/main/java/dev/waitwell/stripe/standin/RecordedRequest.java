package dev.waitwell.stripe.standin;

import java.util.Map;
import java.util.Objects;

/**
 * A request the stand-in received on Stripe's API, as Stripe would see it.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path without the query ({@code /v1/payment_intents})
 * @param idempotencyKey the {@code Idempotency-Key} header; null when absent
 * @param params the form parameters of a POST or the query of a GET, keys as on the wire
 *     ({@code metadata[order_id]}, {@code payment_method_types[0]})
 */
public record RecordedRequest(String method, String path, String idempotencyKey, Map<String, String> params) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        params = Map.copyOf(params);
    }

    /** One parameter; null when not sent. */
    public String param(String name) {
        return params.get(name);
    }

    /** Whether this is {@code method} on exactly {@code path}. */
    public boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }
}
