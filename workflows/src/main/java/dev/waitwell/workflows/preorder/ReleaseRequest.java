package dev.waitwell.workflows.preorder;

import java.util.Objects;

/** Release a product now, on a staff member's request. */
public record ReleaseRequest(String sku, String requestedBy) {

    public ReleaseRequest {
        Objects.requireNonNull(sku, "sku");
        requestedBy = requestedBy == null ? "system" : requestedBy;
    }
}
