package dev.waitwell.workflows.lifecycle;

import java.util.Objects;

/** A request to cancel an order, with the reason and who asked (a staff user or the system). */
public record CancellationRequest(String reason, String requestedBy) {

    public CancellationRequest {
        Objects.requireNonNull(reason, "reason");
        requestedBy = requestedBy == null ? "system" : requestedBy;
    }
}
