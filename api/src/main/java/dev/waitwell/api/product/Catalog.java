package dev.waitwell.api.product;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.StaffAction;
import dev.waitwell.api.shared.StaffActions;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes products, each change on the audit trail. */
@Service
class Catalog {

    private final Products products;
    private final StaffActions staffActions;

    Catalog(Products products, StaffActions staffActions) {
        this.products = products;
        this.staffActions = staffActions;
    }

    record Upserted(ProductView product, boolean created) {
    }

    @Transactional
    Upserted upsert(String sku, ProductRequest request, String username) {
        boolean created = products.insertIfAbsent(sku, request);
        if (!created) {
            ProductView current = products.lock(sku).orElseThrow();
            if (request.preorderCap() != null && request.preorderCap() < current.stock().preordered()) {
                throw ApiException.conflict(ProblemCodes.PREORDER_CAP_BELOW_PREORDERED,
                        "The pre-order cap " + request.preorderCap() + " is below the " + current.stock().preordered()
                                + " units already pre-ordered.");
            }
            products.update(sku, request);
        }
        staffActions.record(StaffAction.onProduct(username, "PRODUCT_UPSERT", sku, created ? "created" : "updated"));
        return new Upserted(products.find(sku).orElseThrow(), created);
    }

    @Transactional(readOnly = true)
    Optional<ProductView> find(String sku) {
        return products.find(sku);
    }
}
