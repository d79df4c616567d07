package dev.waitwell.api.product;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.StaffAction;
import dev.waitwell.api.shared.StaffActions;
import java.util.Objects;
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
            requireReleaseDateFree(current, request);
            products.update(sku, request);
        }
        staffActions.record(StaffAction.onProduct(username, "PRODUCT_UPSERT", sku, created ? "created" : "updated"));
        return new Upserted(products.find(sku).orElseThrow(), created);
    }

    /**
     * Each open pre-order's workflow took the release date at checkout (its timer, reminder and promised
     * date), so a new date would not reach it. Until delay handling tells running orders of a new date, the
     * date stays as it is while any is open. The product row is locked, so no checkout slips in meanwhile.
     */
    private void requireReleaseDateFree(ProductView current, ProductRequest request) {
        if (Objects.equals(current.releaseDate(), request.releaseDate())) {
            return;
        }
        long open = products.openPreorders(current.sku());
        if (open > 0) {
            throw ApiException.conflict(ProblemCodes.RELEASE_DATE_LOCKED, "Product " + current.sku() + " has " + open
                    + " open pre-order(s): running orders keep the release date they were placed with until delay "
                    + "handling exists, so the date cannot change while they are open. Nothing was changed.");
        }
    }

    @Transactional(readOnly = true)
    Optional<ProductView> find(String sku) {
        return products.find(sku);
    }
}
