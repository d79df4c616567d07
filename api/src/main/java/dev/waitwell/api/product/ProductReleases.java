package dev.waitwell.api.product;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflow;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflowIds;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Releases a product now by starting its release workflow, which marks it released and durably tells each
 * open pre-order. Starting it while one runs joins the running one; a released product is refused unless its release
 * was lost before it told every open pre-order, which the request then finishes.
 */
@Service
class ProductReleases {

    private final Products products;
    private final WorkflowClient workflowClient;
    private final StaffActions staffActions;
    private final JdbcClient jdbc;

    ProductReleases(Products products, WorkflowClient workflowClient, StaffActions staffActions, JdbcClient jdbc) {
        this.products = products;
        this.jdbc = jdbc;
        this.workflowClient = workflowClient;
        this.staffActions = staffActions;
    }

    record Started(String sku, String workflowId) {}

    Started release(String sku, String reason, String username) {
        ProductView product = products.find(sku)
                .orElseThrow(() ->
                        BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + sku + "."));
        if (product.released() && !partlyTold(sku)) {
            throw ApiException.conflict(
                    ProblemCodes.PRODUCT_ALREADY_RELEASED,
                    "Product " + sku + " was released at " + product.releasedAt() + ".");
        }
        String workflowId = ProductReleaseWorkflowIds.of(sku);
        ProductReleaseWorkflow workflow = workflowClient.newWorkflowStub(
                ProductReleaseWorkflow.class,
                StartOnce.optionsAllowingRerun(workflowId).build());
        try {
            WorkflowClient.start(workflow::release, new ReleaseRequest(sku, username));
        } catch (WorkflowExecutionAlreadyStarted running) {
            // a release of this product is under way: this request joins it
        }
        staffActions.record(StaffAction.onProduct(username, "PRODUCT_RELEASE", sku, reason, "workflow " + workflowId));
        return new Started(sku, workflowId);
    }

    /**
     * Whether an earlier release of the product was lost before it told every open pre-order: the request then
     * finishes it (the recovery sweep would, a little later) rather than answering it done.
     */
    private boolean partlyTold(String sku) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM release_notices n JOIN orders o ON o.order_id = n.order_id
                                        WHERE n.sku = ? AND n.told_at IS NULL
                                          AND o.status NOT IN ('SHIPPED', 'CANCELLED'))""").param(sku).query(Boolean.class).single();
    }
}
