package dev.waitwell.workflows.delay;

import java.time.LocalDate;
import java.util.Objects;

/** The order's promised date now (null: unknown), written with a timeline entry under {@code eventKey}. */
public record PromiseRecord(String orderId, LocalDate promisedDate, String eventKey, String message) {

    public PromiseRecord {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(message, "message");
    }
}
