package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Records and allocates a receipt, answers {@link #awaitAllocation}, then tells the orders. */
public class StockReceiptWorkflowImpl implements StockReceiptWorkflow {

    static final String[] BUSINESS_FAILURES = BusinessFailure.types(BusinessFailure.PRODUCT_NOT_FOUND,
            BusinessFailure.PURCHASE_ORDER_NOT_FOUND, BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER,
            BusinessFailure.RECEIPT_CONFLICT);

    private final StockActivities stock = Workflow.newActivityStub(StockActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .setDoNotRetry(BUSINESS_FAILURES)
                    .build())
            .build());

    private ReceiptOutcome outcome;
    private ApplicationFailure refusal;

    @Override
    public ReceiptOutcome receive(StockReceipt receipt) {
        try {
            outcome = stock.receive(receipt);
        } catch (ActivityFailure failure) {
            if (!(failure.getCause() instanceof ApplicationFailure refused)) {
                throw failure;
            }
            // The update's caller gets the reason; its message starts with the type (the SDK drops the type).
            refusal = ApplicationFailure.newNonRetryableFailure(
                    refused.getType() + ": " + refused.getOriginalMessage(), refused.getType());
            Workflow.await(Workflow::isEveryHandlerFinished);
            throw refusal;
        }
        AllocationFanOut.run(outcome.allocation());
        Workflow.await(Workflow::isEveryHandlerFinished);
        return outcome;
    }

    @Override
    public ReceiptOutcome awaitAllocation() {
        Workflow.await(() -> outcome != null || refusal != null);
        if (outcome == null) {
            throw refusal;
        }
        return outcome;
    }
}
