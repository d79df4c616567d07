package dev.waitwell.stripe.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters as stripe-java sends them, form-encoded in a POST's body or a GET's query: nested keys stay flat, as
 * they are on the wire ({@code metadata[order_id]}, {@code payment_method_types[0]}).
 */
final class Form {

    private Form() {}

    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.put(key, value);
        }
        return Collections.unmodifiableMap(params);
    }

    /** The entries under {@code name[...]}: {@code metadata[order_id]=o-1} is {@code order_id -> o-1}. */
    static Map<String, String> nested(Map<String, String> params, String name) {
        Map<String, String> nested = new LinkedHashMap<>();
        String prefix = name + "[";
        params.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith("]")) {
                nested.put(key.substring(prefix.length(), key.length() - 1), value);
            }
        });
        return nested;
    }

    /** The values of a list parameter ({@code payment_method_types[0]=card}), in index order. */
    static List<String> list(Map<String, String> params, String name) {
        Map<Integer, String> byIndex = new TreeMap<>();
        nested(params, name).forEach((index, value) -> {
            try {
                byIndex.put(Integer.parseInt(index), value);
            } catch (NumberFormatException e) {
                // not a list entry
            }
        });
        return List.copyOf(byIndex.values());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
