package dev.waitwell.workflows.notification;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

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
        CRC32 crc = new CRC32();
        crc.update(orderId.getBytes(StandardCharsets.UTF_8));
        return Long.toString(1000 + crc.getValue() % 9000);
    }
}
