package dev.waitwell.api.purchasing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/admin/v1/purchase-orders")
class PurchaseOrderController {

    private final PurchaseOrderBook book;

    PurchaseOrderController(PurchaseOrderBook book) {
        this.book = book;
    }

    @Operation(summary = "Record a purchase order (ADMIN): 201 when created, 200 for the same request again")
    @PostMapping
    ResponseEntity<PurchaseOrderView.Details> create(
            @Valid @RequestBody PurchaseOrderRequest request, Principal principal) {
        PurchaseOrderBook.Created created = book.create(request, principal.getName());
        if (!created.created()) {
            return ResponseEntity.ok(created.purchaseOrder());
        }
        URI location = UriComponentsBuilder.fromPath("/admin/v1/purchase-orders/{id}")
                .buildAndExpand(request.id())
                .toUri();
        return ResponseEntity.created(location).body(created.purchaseOrder());
    }

    @Operation(summary = "Move the expected date, with the reason (ADMIN)")
    @PutMapping("/{id}")
    PurchaseOrderView.Details changeDate(
            @PathVariable String id, @Valid @RequestBody PurchaseOrderRequest.DateChange change, Principal principal) {
        return book.changeDate(id, change, principal.getName());
    }

    @Operation(summary = "A product's purchase orders, earliest expected first (ADMIN, SUPPORT, OPS)")
    @GetMapping
    List<PurchaseOrderView> ofSku(@RequestParam String sku) {
        return book.ofSku(sku);
    }

    @Operation(summary = "A purchase order with the history of its expected date (ADMIN, SUPPORT, OPS)")
    @GetMapping("/{id}")
    PurchaseOrderView.Details get(@PathVariable String id) {
        return book.find(id);
    }
}
