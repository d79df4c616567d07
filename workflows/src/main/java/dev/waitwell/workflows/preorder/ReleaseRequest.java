package dev.waitwell.workflows.preorder;

import java.util.Objects;

/**
 * Release a product now, on a staff member's request.
 *
 * @param toldBefore orders the release's earlier runs told (a run continues as new every {@code TOLD_PER_RUN} orders)
 * @param closedBefore orders those runs found closed
 */
public record ReleaseRequest(String sku, String requestedBy, int toldBefore, int closedBefore) {

    public ReleaseRequest {
        Objects.requireNonNull(sku, "sku");
        requestedBy = requestedBy == null ? "system" : requestedBy;
    }

    public ReleaseRequest(String sku, String requestedBy) {
        this(sku, requestedBy, 0, 0);
    }

    /** The request for the next run, which tells the orders this run has not. */
    ReleaseRequest continuedAfter(int told, int closed) {
        return new ReleaseRequest(sku, requestedBy, toldBefore + told, closedBefore + closed);
    }
}
