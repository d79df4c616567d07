package dev.waitwell.workflows.payment;

/**
 * The money as one run of an order hands it to the next when it continues as new. {@code attempts} and
 * {@code partialRefunds} number the charge and refund steps, whose idempotency keys must never repeat. Read from
 * continuations written by older code: never rename or remove a field (the JSON names them).
 */
public record CarriedPayments(
        String method, long paid, long refunded, String lastError, int attempts, int partialRefunds) {}
