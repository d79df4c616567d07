package dev.waitwell.messages;

import java.util.HashMap;
import java.util.Map;

/** The email sent in place of an SMS that could not be delivered: it says so and quotes the text. */
public final class SmsFallback {

    /** Its template ({@code email/SMS_FALLBACK.*}) and the {@code template} of its notification row. */
    public static final String TEMPLATE = "SMS_FALLBACK";

    private SmsFallback() {}

    /**
     * @param milestone the SMS's milestone as its row names it (rows written by hand may hold anything)
     * @param said what the SMS said, its link included, or null when it was sent before texts were kept
     * @param link the order page, or null when no link is valid any more
     * @param status the order's status, said when there is neither text nor link
     */
    public static Map<String, Object> variables(
            String orderId,
            String customerName,
            String phone,
            String milestone,
            String said,
            String link,
            String status) {
        Map<String, Object> v = new HashMap<>();
        v.put("order", orderId);
        v.put("name", customerName == null || customerName.isBlank() ? null : customerName.strip());
        v.put("phone", phone);
        v.put("milestone", milestone);
        v.put("said", said);
        v.put("link", said == null ? link : null);
        v.put("status", status);
        return v;
    }
}
