package dev.waitwell.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class BusinessProblemsTest {

    @ParameterizedTest
    @CsvSource({
        "PRODUCT_NOT_FOUND, NOT_FOUND, PRODUCT_NOT_FOUND",
        "PURCHASE_ORDER_NOT_FOUND, NOT_FOUND, PURCHASE_ORDER_NOT_FOUND",
        "RECEIPT_EXCEEDS_PURCHASE_ORDER, CONFLICT, RECEIPT_EXCEEDS_PURCHASE_ORDER",
        "RECEIPT_CONFLICT, CONFLICT, RECEIPT_CONFLICT",
        "PAYMENT_METHOD_UNKNOWN, UNPROCESSABLE_CONTENT, PAYMENT_METHOD_UNKNOWN",
        "PAYMENT_DECLINED, PAYMENT_REQUIRED, PAYMENT_DECLINED",
        "PAYMENT_ACTION_REQUIRED, PAYMENT_REQUIRED, PAYMENT_ACTION_REQUIRED",
        "NOTIFICATION_NOT_FOUND, NOT_FOUND, NOTIFICATION_NOT_FOUND",
        "OUT_OF_STOCK, CONFLICT, ALTERNATIVE_NOT_AVAILABLE",
        "SWITCH_NOT_POSSIBLE, CONFLICT, ORDER_STATE_CONFLICT",
        "REFUND_EXCEEDS_PAYMENTS, INTERNAL_SERVER_ERROR, INTERNAL_ERROR",
        "STOCK_LIMIT_EXCEEDED, CONFLICT, STOCK_LIMIT_EXCEEDED",
        "CONSTRAINT_VIOLATED, CONFLICT, DATA_CONFLICT"
    })
    void answersEachBusinessFailureWithItsStatusAndCode(BusinessFailure failure, HttpStatus status, String code) {
        ApiException problem = BusinessProblems.of(failure, "in words");

        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.getMessage()).isEqualTo("in words");
    }

    @Test
    void answersAWorkflowsRefusalInTheRefusingStepsWords() {
        ApiException problem = BusinessProblems.of(new Refusal(BusinessFailure.PRODUCT_NOT_FOUND, "No product CAM-9"));

        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(problem.getMessage()).isEqualTo("No product CAM-9");
    }
}
