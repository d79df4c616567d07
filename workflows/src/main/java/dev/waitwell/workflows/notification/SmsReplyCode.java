package dev.waitwell.workflows.notification;

import java.util.Objects;

/**
 * The short code a delay notice by SMS shows for its order ("reply WAIT 4821"), so that a customer with several
 * delayed orders can say which one a reply is about without typing the order id. Four digits, never starting with 0,
 * derived from the order id alone: the worker that renders the notice and the API that reads the reply compute the
 * same code with nothing stored. Two orders may share a code; the API then asks for the order id.
 */
public final class SmsReplyCode {

    private SmsReplyCode() {}

    public static String of(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        // FNV-1a over the id's characters: spread well, and the same on every JVM and in every module.
        int hash = 0x811c9dc5;
        for (int i = 0; i < orderId.length(); i++) {
            hash ^= orderId.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.toString(1000 + Integer.remainderUnsigned(hash, 9000));
    }
}
