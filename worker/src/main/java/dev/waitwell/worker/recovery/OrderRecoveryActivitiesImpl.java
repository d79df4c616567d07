package dev.waitwell.worker.recovery;

import dev.waitwell.workflows.recovery.OrderRecoveryActivities;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

/** Support's rebuild of one order (through {@code OrderRecoveryWorkflow}): the same as the reconciler's. */
@Component("orderRecoveryActivities")
class OrderRecoveryActivitiesImpl implements OrderRecoveryActivities {

    /** The failure type of an order that has no stored checkout input yet: retrying does not help. */
    static final String CHECKOUT_INPUT_MISSING = "CHECKOUT_INPUT_MISSING";

    private final OrderRebuilder rebuilder;

    OrderRecoveryActivitiesImpl(OrderRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public RebuildResult rebuild(RebuildRequest request) {
        try {
            return rebuilder.rebuild(request);
        } catch (OrderRebuilder.CheckoutInputMissing missing) {
            throw ApplicationFailure.newNonRetryableFailure(missing.getMessage(), CHECKOUT_INPUT_MISSING);
        }
    }
}
