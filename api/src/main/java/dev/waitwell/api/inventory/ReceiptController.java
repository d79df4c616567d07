package dev.waitwell.api.inventory;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Goods in, with or without a purchase order: 201 for a new receipt, 200 for the same receipt again. */
@RestController
class ReceiptController {

    private final StockReceipts receipts;
    private final Receipts recorded;

    ReceiptController(StockReceipts receipts, Receipts recorded) {
        this.receipts = receipts;
        this.recorded = recorded;
    }

    @Operation(summary = "Receive stock without a purchase order and allocate it to waiting orders (ADMIN)")
    @PostMapping("/admin/v1/products/{sku}/receipts")
    ResponseEntity<ReceiptView> receiveForProduct(
            @PathVariable String sku, @Valid @RequestBody ReceiptRequest request, Principal principal) {
        return answer(receipts.receiveForProduct(sku, request, principal.getName()));
    }

    @Operation(summary = "Receive stock against a purchase order and allocate it to waiting orders (ADMIN)")
    @PostMapping("/admin/v1/purchase-orders/{id}/receipts")
    ResponseEntity<ReceiptView> receiveForPurchaseOrder(
            @PathVariable String id, @Valid @RequestBody ReceiptRequest request, Principal principal) {
        return answer(receipts.receiveForPurchaseOrder(id, request, principal.getName()));
    }

    @Operation(summary = "A receipt, the orders it allocated to and the product's stock now (ADMIN, SUPPORT, OPS)")
    @GetMapping("/admin/v1/receipts/{receiptId}")
    ReceiptView get(@PathVariable long receiptId) {
        return recorded.view(receiptId)
                .orElseThrow(() ->
                        ApiException.notFound(ProblemCodes.RECEIPT_NOT_FOUND, "No receipt with id " + receiptId + "."));
    }

    private static ResponseEntity<ReceiptView> answer(ReceiptView receipt) {
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/admin/v1/receipts/" + receipt.receiptId()))
                .body(receipt);
    }
}
