package dev.waitwell.workflows.order;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * An order's checkout input as the JSON stored in {@code orders.workflow_input}: written by the API before it
 * starts the workflow, read by the worker when it rebuilds one Temporal no longer has. Temporal's own JSON
 * converter, so the stored text is exactly what the workflow's first run received.
 */
public final class CheckoutInputs {

    private static final JacksonJsonPayloadConverter JSON = new JacksonJsonPayloadConverter();

    private CheckoutInputs() {}

    /** The JSON of a checkout input; one carrying a continuation is not a checkout input. */
    public static String toJson(PlaceOrderInput input) {
        if (input.continuation() != null) {
            throw new IllegalArgumentException(
                    "Order " + input.orderId() + ": store the checkout input, not a " + "continued run's");
        }
        return JSON.toData(input).orElseThrow().getData().toStringUtf8();
    }

    public static PlaceOrderInput fromJson(String json) {
        Payload payload = Payload.newBuilder()
                .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8(JSON.getEncodingType()))
                .setData(ByteString.copyFromUtf8(json))
                .build();
        return JSON.fromData(payload, PlaceOrderInput.class, PlaceOrderInput.class);
    }
}
