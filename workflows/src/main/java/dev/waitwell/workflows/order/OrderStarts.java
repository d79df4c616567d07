package dev.waitwell.workflows.order;

import dev.waitwell.workflows.shared.OrderWorkflowIds;
import dev.waitwell.workflows.shared.StartOnce;
import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.time.LocalDate;

/**
 * What an order's workflow is started with besides its input: the search attributes ops filter on in the Temporal UI
 * and the summary and details it shows. One place, so that a run rebuilt from the database looks like the one
 * checkout started.
 */
public final class OrderStarts {

    private OrderStarts() {}

    /**
     * The options of a run rebuilt from the database: same workflow id; a run of it stopped part-way may exist
     * ({@code ALLOW_DUPLICATE_FAILED_ONLY}), but a running one makes the start fail ({@code FAIL}), so that of two
     * rebuilders racing, one starts it and the other learns it runs, and a completed one too.
     *
     * @param record where the order stands now (its status, item and promise go into the search attributes)
     */
    public static WorkflowOptions.Builder rebuilt(PlaceOrderInput checkout, OrderRecord record) {
        return StartOnce.options(OrderWorkflowIds.of(checkout.orderId()))
                // After a run that was terminated, failed, timed out or cancelled, or none Temporal remembers; never
                // after one that completed: that order finished, whatever a lagging read of the database says.
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .setTypedSearchAttributes(searchAttributes(
                        record.status().name(),
                        checkout.kind(),
                        record.item().sku(),
                        checkout.customer().id(),
                        record.promisedDate()))
                .setStaticSummary(summary(
                        checkout.kind(),
                        checkout.quantity(),
                        record.item().sku(),
                        checkout.customer().id(),
                        checkout.paymentPlan()))
                .setStaticDetails(details(
                        checkout.orderId(),
                        checkout.quantity(),
                        record.item().productName(),
                        record.item().sku(),
                        checkout.paymentPlan(),
                        record.promisedDate(),
                        checkout.customer().id()));
    }

    /** What ops filter on in the Temporal UI; the workflow keeps them current as it goes. */
    public static SearchAttributes searchAttributes(
            String status, OrderKind kind, String sku, String customerId, LocalDate promisedDate) {
        SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
                .set(WaitwellSearchAttributes.STATUS, status)
                .set(WaitwellSearchAttributes.KIND, kind.name())
                .set(WaitwellSearchAttributes.SKU, sku)
                .set(WaitwellSearchAttributes.CUSTOMER_ID, customerId);
        if (promisedDate != null) {
            attributes.set(WaitwellSearchAttributes.PROMISED_DATE, WaitwellSearchAttributes.promised(promisedDate));
        }
        return attributes.build();
    }

    public static String summary(OrderKind kind, int quantity, String sku, String customerId, PaymentPlan plan) {
        return kind + " of " + quantity + " x " + sku + " for customer " + customerId + ", " + plan;
    }

    public static String details(
            String orderId,
            int quantity,
            String productName,
            String sku,
            PaymentPlan plan,
            LocalDate promisedDate,
            String customerId) {
        return "Order " + orderId + ": " + quantity + " x " + productName + " (" + sku + "), plan " + plan
                + ", promised " + (promisedDate == null ? "no date" : promisedDate) + ", customer " + customerId;
    }
}
