package dev.waitwell.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void readsTheTypeAndOwnWordsOfTheBusinessFailureInACauseChain() {
        Throwable wrapped = new IllegalStateException(
                "activity failed", BusinessFailure.RECEIPT_CONFLICT.raise("receipt GRN-1 holds other goods"));

        assertThat(Refusal.of(wrapped))
                .contains(new Refusal(BusinessFailure.RECEIPT_CONFLICT, "receipt GRN-1 holds other goods"));
    }

    @Test
    void findsNoRefusalInAFailureOfAnotherType() {
        Throwable technical = new IllegalStateException(
                "activity failed", ApplicationFailure.newNonRetryableFailure("disk full", "IOException"));

        assertThat(Refusal.of(technical)).isEmpty();
        assertThat(Refusal.of(new IllegalStateException("no application failure")))
                .isEmpty();
    }
}
