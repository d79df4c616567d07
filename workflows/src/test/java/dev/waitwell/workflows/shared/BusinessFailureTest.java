package dev.waitwell.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class BusinessFailureTest {

    @Test
    void raisesANonRetryableFailureTypedWithItsName() {
        ApplicationFailure failure = BusinessFailure.OUT_OF_STOCK.raise("CAM-2 has 0 units free, 1 needed");

        assertThat(failure.getType()).isEqualTo("OUT_OF_STOCK");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).isEqualTo("CAM-2 has 0 units free, 1 needed");
    }

    @Test
    void findsTheBusinessFailureInsideTheSdksWrapping() {
        RuntimeException wrapped = new RuntimeException(
                "activity failed", BusinessFailure.PAYMENT_DECLINED.raise("Your card was declined."));

        assertThat(BusinessFailure.of(wrapped)).contains(BusinessFailure.PAYMENT_DECLINED);
        assertThat(BusinessFailure.PAYMENT_DECLINED.isCauseOf(wrapped)).isTrue();
        assertThat(BusinessFailure.PAYMENT_METHOD_UNKNOWN.isCauseOf(wrapped)).isFalse();
        assertThat(BusinessFailure.rootMessage(wrapped)).isEqualTo("Your card was declined.");
    }

    @Test
    void aTechnicalFailureIsNoBusinessFailure() {
        assertThat(BusinessFailure.of(new IllegalStateException("connection refused")))
                .isEmpty();
        assertThat(BusinessFailure.of(ApplicationFailure.newFailure("boom", "SomethingElse")))
                .isEmpty();
    }

    @Test
    void namesTheTypesNotToRetry() {
        assertThat(BusinessFailure.types(BusinessFailure.PAYMENT_DECLINED, BusinessFailure.RECEIPT_CONFLICT))
                .containsExactly("PAYMENT_DECLINED", "RECEIPT_CONFLICT");
    }
}
