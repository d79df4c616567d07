package dev.waitwell.api.purchasing;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.delay.PromiseReviews;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records purchase orders and moves their dates, each change on the audit trail in the same transaction. */
@Service
class PurchaseOrderBook {

    private final PurchaseOrders purchaseOrders;
    private final StaffActions staffActions;
    private final PromiseReviews reviews;

    PurchaseOrderBook(PurchaseOrders purchaseOrders, StaffActions staffActions, PromiseReviews reviews) {
        this.purchaseOrders = purchaseOrders;
        this.staffActions = staffActions;
        this.reviews = reviews;
    }

    record Created(PurchaseOrderView.Details purchaseOrder, boolean created) {}

    /** Creates the purchase order; the same request again finds it, a different one under its id is refused. */
    @Transactional
    Created create(PurchaseOrderRequest request, String username) {
        if (!purchaseOrders.productExists(request.sku())) {
            throw BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + request.sku() + ".");
        }
        if (!purchaseOrders.insertIfAbsent(request)) {
            PurchaseOrders.Terms existing =
                    purchaseOrders.originalTerms(request.id()).orElseThrow();
            if (!existing.equals(PurchaseOrders.Terms.of(request))) {
                throw ApiException.conflict(
                        ProblemCodes.PURCHASE_ORDER_ID_CONFLICT,
                        "Purchase order " + request.id()
                                + " exists with different terms. Use a new id for a different purchase order.");
            }
            return new Created(details(request.id()), false);
        }
        purchaseOrders.markStockTracked(request.sku());
        staffActions.record(new StaffAction(
                username,
                "PURCHASE_ORDER_CREATED",
                null,
                request.sku(),
                request.reason(),
                request.id() + ": " + request.quantity() + " from " + request.supplier() + ", expected "
                        + request.expectedDate()));
        return new Created(details(request.id()), true);
    }

    /**
     * A supplier's new date: once committed, the product's waiting orders have their promises reviewed
     * ({@code po-{id}-{dateChangeId}}). Moving it to the date it has already records nothing and only makes
     * sure the review of its latest move was started (a start that failed is started now).
     */
    @Transactional
    PurchaseOrderView.Details changeDate(String id, PurchaseOrderRequest.DateChange change, String username) {
        PurchaseOrderView current = purchaseOrders.lock(id).orElseThrow(() -> notFound(id));
        if (!current.expectedDate().equals(change.expectedDate())) {
            long changeId = purchaseOrders.changeDate(
                    id, current.expectedDate(), change.expectedDate(), change.reason(), username);
            staffActions.record(new StaffAction(
                    username,
                    "PURCHASE_ORDER_DATE_CHANGED",
                    null,
                    current.sku(),
                    change.reason(),
                    id + ": " + current.expectedDate() + " -> " + change.expectedDate()));
            reviews.startAfterCommit(reviewId(id, changeId), current.sku(), change.reason());
        } else {
            purchaseOrders
                    .latestDateChange(id)
                    .ifPresent(latest ->
                            reviews.startAfterCommit(reviewId(id, latest.id()), current.sku(), latest.reason()));
        }
        return details(id);
    }

    private static String reviewId(String purchaseOrderId, long dateChangeId) {
        return "po-" + purchaseOrderId + "-" + dateChangeId;
    }

    @Transactional(readOnly = true)
    PurchaseOrderView.Details find(String id) {
        return details(id);
    }

    @Transactional(readOnly = true)
    List<PurchaseOrderView> ofSku(String sku) {
        return purchaseOrders.ofSku(sku);
    }

    private PurchaseOrderView.Details details(String id) {
        PurchaseOrderView view = purchaseOrders.find(id).orElseThrow(() -> notFound(id));
        return new PurchaseOrderView.Details(view, purchaseOrders.dateChanges(id));
    }

    private static ApiException notFound(String id) {
        return BusinessProblems.of(BusinessFailure.PURCHASE_ORDER_NOT_FOUND, "No purchase order with id " + id + ".");
    }
}
