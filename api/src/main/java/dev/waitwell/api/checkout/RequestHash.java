package dev.waitwell.api.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 of a checkout request's content, field by field: the same request again (whatever its JSON
 * formatting or field order) hashes the same, and any changed field changes the hash.
 */
final class RequestHash {

    private RequestHash() {}

    static String of(CheckoutRequest request) {
        CheckoutRequest.CustomerRequest customer = request.customer();
        List<Object> fields = List.of(
                Objects.toString(request.orderId()),
                Objects.toString(customer.id()),
                Objects.toString(customer.name()),
                Objects.toString(customer.email()),
                Objects.toString(customer.phone()),
                customer.channelsOrNone().toString(),
                Objects.toString(request.sku()),
                Objects.toString(request.quantity()),
                Objects.toString(request.paymentPlan()),
                Objects.toString(request.paymentMethod()));
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            String value = field.toString();
            // length-prefixed, so that no two different requests share a canonical form
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
