package dev.waitwell.api.payment;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The object a Stripe event is about ({@code data.object}), read field by field from the event's JSON as received.
 * Typed deserialization depends on the API version the event was rendered in, which may differ from the SDK's; the
 * few fields read here have kept their names across versions.
 */
record EventObject(JsonNode json) {

    /** The object of the event in {@code payload}; empty (every field absent) when there is none. */
    static EventObject of(String payload) {
        try {
            return new EventObject(
                    JsonMapper.shared().readTree(payload).path("data").path("object"));
        } catch (JacksonException malformed) {
            return new EventObject(MissingNode.getInstance());
        }
    }

    /** A text field, or the id of an expanded object in its place; null when absent. */
    String text(String field) {
        JsonNode value = json.path(field);
        if (value.isObject()) {
            value = value.path("id");
        }
        return value.isString() ? value.stringValue() : null;
    }

    /** A whole-number field (an amount in minor units); null when absent. */
    Long number(String field) {
        JsonNode value = json.path(field);
        return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
    }

    /** A Unix timestamp field; null when absent. */
    Instant instant(String field) {
        Long seconds = number(field);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
