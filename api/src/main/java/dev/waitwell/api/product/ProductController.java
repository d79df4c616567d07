package dev.waitwell.api.product;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.workflows.shared.BusinessFailure;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/products")
class ProductController {

    private static final java.util.regex.Pattern SKU = java.util.regex.Pattern.compile(ProductRequest.SKU);

    private final Catalog catalog;
    private final ProductReleases releases;

    ProductController(Catalog catalog, ProductReleases releases) {
        this.catalog = catalog;
        this.releases = releases;
    }

    @Operation(summary = "Create or change a product (ADMIN): 201 when created, 200 when changed")
    @PutMapping("/{sku}")
    ResponseEntity<ProductView> upsert(
            @PathVariable String sku, @Valid @RequestBody ProductRequest request, Principal principal) {
        requireSku(sku);
        Catalog.Upserted upserted = catalog.upsert(sku, request, principal.getName());
        return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(upserted.product());
    }

    @Operation(
            summary =
                    "Set the restock ETA (null: unknown) with the reason; waiting orders' promises are reviewed (ADMIN)")
    @PutMapping("/{sku}/eta")
    ProductView changeRestockEta(
            @PathVariable String sku, @Valid @RequestBody ProductRequest.EtaChange change, Principal principal) {
        return catalog.changeRestockEta(sku, change.expectedDate(), change.reason(), principal.getName());
    }

    @Operation(summary = "A product and its stock (ADMIN, SUPPORT, OPS)")
    @GetMapping("/{sku}")
    ProductView get(@PathVariable String sku) {
        return catalog.find(sku)
                .orElseThrow(() ->
                        BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + sku + "."));
    }

    @Operation(summary = "Release the product now and tell its pre-orders (ADMIN)")
    @PostMapping("/{sku}/release")
    ResponseEntity<ProductReleases.Started> release(
            @PathVariable String sku, @Valid @RequestBody(required = false) ReleaseBody body, Principal principal) {
        return ResponseEntity.accepted()
                .body(releases.release(sku, body == null ? null : body.reason(), principal.getName()));
    }

    /** The optional body of a release: why it is released now, for the audit trail. */
    record ReleaseBody(@Size(max = 500) String reason) {}

    private static void requireSku(String sku) {
        if (!SKU.matcher(sku).matches()) {
            throw ApiException.invalidField("sku", "must match " + ProductRequest.SKU);
        }
    }
}
