package dev.waitwell.api.inventory;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.delay.PromiseReviews;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.workflows.inventory.ReceiptOutcome;
import dev.waitwell.workflows.inventory.StockReceipt;
import dev.waitwell.workflows.shared.Bounds;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Goods in. What can be checked before anything starts is checked here (unknown product or purchase order,
 * more than the purchase order still expects, a reference already used for other goods, more units than a product
 * may hold), so a bad request starts no workflow; the workflow checks again inside its transaction, where it
 * counts.
 */
@Service
class StockReceipts {

    private final Receipts receipts;
    private final ReceiptWorkflows workflows;
    private final StaffActions staffActions;
    private final PromiseReviews reviews;

    StockReceipts(Receipts receipts, ReceiptWorkflows workflows, StaffActions staffActions, PromiseReviews reviews) {
        this.receipts = receipts;
        this.workflows = workflows;
        this.staffActions = staffActions;
        this.reviews = reviews;
    }

    ReceiptView receiveForProduct(String sku, ReceiptRequest request, String username) {
        if (!receipts.productExists(sku)) {
            throw BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + sku + ".");
        }
        return receive(
                new StockReceipt(sku, request.quantity(), request.reference(), null, username), null, request.reason());
    }

    ReceiptView receiveForPurchaseOrder(String purchaseOrderId, ReceiptRequest request, String username) {
        Receipts.OpenPurchaseOrder order = receipts.purchaseOrder(purchaseOrderId)
                .orElseThrow(() -> BusinessProblems.of(
                        BusinessFailure.PURCHASE_ORDER_NOT_FOUND,
                        "No purchase order with id " + purchaseOrderId + "."));
        return receive(
                new StockReceipt(order.sku(), request.quantity(), request.reference(), order.id(), username),
                order,
                request.reason());
    }

    private ReceiptView receive(StockReceipt receipt, Receipts.OpenPurchaseOrder order, String reason) {
        Optional<ReceiptView> recorded = receipts.view(receipt.sku(), receipt.reference());
        if (recorded.isPresent()) {
            return reviewed(sameGoods(recorded.get(), receipt).asDuplicate());
        }
        if (order != null && receipt.quantity() > order.open()) {
            throw BusinessProblems.of(
                    BusinessFailure.RECEIPT_EXCEEDS_PURCHASE_ORDER,
                    "Purchase order " + order.id() + " expects " + order.open() + " more unit(s), not "
                            + receipt.quantity() + ".");
        }
        long held = receipts.heldUnits(receipt.sku());
        if (held + receipt.quantity() > Bounds.MAX_STOCK_UNITS) {
            throw BusinessProblems.of(
                    BusinessFailure.STOCK_LIMIT_EXCEEDED,
                    "Product " + receipt.sku() + " holds " + held + " unit(s) (on hand and allocated) of at most "
                            + Bounds.MAX_STOCK_UNITS + ": " + receipt.quantity() + " more do not fit.");
        }
        Optional<ReceiptOutcome> outcome = workflows.receive(receipt);
        ReceiptView view =
                receipts.view(receipt.sku(), receipt.reference()).orElseThrow(() -> workflows.refusalOfClosed(receipt));
        sameGoods(view, receipt);
        boolean duplicate = outcome.map(ReceiptOutcome::duplicate).orElse(true);
        if (duplicate) {
            return reviewed(view.asDuplicate());
        }
        staffActions.record(new StaffAction(
                receipt.receivedBy(),
                "STOCK_RECEIVED",
                null,
                receipt.sku(),
                reason,
                receipt.reference() + ": " + receipt.quantity() + " unit(s)"
                        + (order == null ? "" : " against " + order.id()) + ", "
                        + view.allocations().size()
                        + " order(s) allocated"));
        return reviewed(view);
    }

    /**
     * A receipt that covers less than the queue expected moves the promises of the orders it did not reach:
     * every receipt is followed by a review of the product's promises ({@code receipt-{sku}-{receiptId}}). The
     * same receipt again starts it if its first start failed, and otherwise does nothing.
     */
    private ReceiptView reviewed(ReceiptView receipt) {
        reviews.startAfterCommit(
                "receipt-" + receipt.sku() + "-" + receipt.receiptId(),
                receipt.sku(),
                "the latest delivery of " + receipt.sku() + " changed what we can promise");
        return receipt;
    }

    /** The receipt recorded under this reference must be these goods; other goods need their own reference. */
    private static ReceiptView sameGoods(ReceiptView recorded, StockReceipt receipt) {
        if (recorded.quantity() != receipt.quantity()
                || !Objects.equals(recorded.purchaseOrderId(), receipt.purchaseOrderId())) {
            throw BusinessProblems.of(
                    BusinessFailure.RECEIPT_CONFLICT,
                    "Receipt " + receipt.reference() + " of "
                            + receipt.sku() + " was recorded with " + recorded.quantity() + " unit(s)"
                            + (recorded.purchaseOrderId() == null ? "" : " against " + recorded.purchaseOrderId())
                            + ". Use a new reference for other goods.");
        }
        return recorded;
    }
}
