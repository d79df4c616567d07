package dev.waitwell.api.purchasing;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.StaffAction;
import dev.waitwell.api.shared.StaffActions;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records purchase orders and moves their dates, each change on the audit trail in the same transaction. */
@Service
class PurchaseOrderBook {

    private final PurchaseOrders purchaseOrders;
    private final StaffActions staffActions;

    PurchaseOrderBook(PurchaseOrders purchaseOrders, StaffActions staffActions) {
        this.purchaseOrders = purchaseOrders;
        this.staffActions = staffActions;
    }

    record Created(PurchaseOrderView.Details purchaseOrder, boolean created) {
    }

    /** Creates the purchase order; the same request again finds it, a different one under its id is refused. */
    @Transactional
    Created create(PurchaseOrderRequest request, String username) {
        if (!purchaseOrders.productExists(request.sku())) {
            throw ApiException.notFound(ProblemCodes.PRODUCT_NOT_FOUND, "No product with sku " + request.sku() + ".");
        }
        if (!purchaseOrders.insertIfAbsent(request)) {
            PurchaseOrders.Terms existing = purchaseOrders.originalTerms(request.id()).orElseThrow();
            if (!existing.equals(PurchaseOrders.Terms.of(request))) {
                throw ApiException.conflict(ProblemCodes.PURCHASE_ORDER_ID_CONFLICT, "Purchase order " + request.id()
                        + " exists with different terms. Use a new id for a different purchase order.");
            }
            return new Created(details(request.id()), false);
        }
        purchaseOrders.markStockTracked(request.sku());
        staffActions.record(new StaffAction(username, "PURCHASE_ORDER_CREATED", null, request.sku(), null,
                request.id() + ": " + request.quantity() + " from " + request.supplier() + ", expected "
                        + request.expectedDate()));
        return new Created(details(request.id()), true);
    }

    /** A supplier's new date. Moving it to the date it has already changes nothing and records nothing. */
    @Transactional
    PurchaseOrderView.Details changeDate(String id, PurchaseOrderRequest.DateChange change, String username) {
        PurchaseOrderView current = purchaseOrders.lock(id).orElseThrow(() -> notFound(id));
        if (!current.expectedDate().equals(change.expectedDate())) {
            purchaseOrders.changeDate(id, current.expectedDate(), change.expectedDate(), change.reason(), username);
            staffActions.record(new StaffAction(username, "PURCHASE_ORDER_DATE_CHANGED", null, current.sku(),
                    change.reason(), id + ": " + current.expectedDate() + " -> " + change.expectedDate()));
        }
        return details(id);
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
        return ApiException.notFound(ProblemCodes.PURCHASE_ORDER_NOT_FOUND, "No purchase order with id " + id + ".");
    }
}
