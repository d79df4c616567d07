package dev.waitwell.api.product;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.delay.PromiseReviews;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes products, each change on the audit trail. A change of a date that promises rest on (the
 * release date, the restock ETA) starts, once committed, a review of the waiting orders' promises: later is a
 * delay the customers decide about, earlier is good news.
 */
@Service
class Catalog {

    static final String ETA_CHANGED = "PRODUCT_ETA_CHANGED";

    private final Products products;
    private final StaffActions staffActions;
    private final PromiseReviews reviews;

    Catalog(Products products, StaffActions staffActions, PromiseReviews reviews) {
        this.products = products;
        this.staffActions = staffActions;
        this.reviews = reviews;
    }

    record Upserted(ProductView product, boolean created) {}

    @Transactional
    Upserted upsert(String sku, ProductRequest request, String username) {
        boolean created = products.insertIfAbsent(sku, request);
        String moved = null;
        if (!created) {
            ProductView current = products.lock(sku).orElseThrow();
            if (request.preorderCap() != null
                    && request.preorderCap() < current.stock().preordered()) {
                throw ApiException.conflict(
                        ProblemCodes.PREORDER_CAP_BELOW_PREORDERED,
                        "The pre-order cap " + request.preorderCap() + " is below the "
                                + current.stock().preordered() + " units already pre-ordered.");
            }
            products.update(sku, request);
            moved = datesMoved(current, request);
        }
        long actionId = staffActions.record(StaffAction.onProduct(
                username,
                "PRODUCT_UPSERT",
                sku,
                request.reason(),
                created ? "created" : "updated" + (moved == null ? "" : ": " + moved)));
        if (moved != null) {
            reviews.startAfterCommit("product-" + sku + "-" + actionId, sku, moved);
        }
        return new Upserted(products.find(sku).orElseThrow(), created);
    }

    /**
     * Sets the restock ETA (null: no date is known) and, once committed, reviews the promises that rest on it.
     * The same ETA again records nothing and only makes sure the review of the latest change was started.
     */
    @Transactional
    ProductView changeRestockEta(String sku, LocalDate eta, String reason, String username) {
        ProductView current = products.lock(sku).orElseThrow(() -> notFound(sku));
        if (Objects.equals(current.restockEta(), eta)) {
            staffActions
                    .latestOnProduct(ETA_CHANGED, sku)
                    .ifPresent(actionId -> reviews.startAfterCommit(etaReviewId(sku, actionId), sku, reason));
            return current;
        }
        products.changeRestockEta(sku, eta);
        long actionId = staffActions.record(
                new StaffAction(username, ETA_CHANGED, null, sku, reason, current.restockEta() + " -> " + eta));
        reviews.startAfterCommit(etaReviewId(sku, actionId), sku, reason);
        return products.find(sku).orElseThrow();
    }

    /** What moved of the dates promises rest on, in words the customer reads; null when neither moved. */
    private static String datesMoved(ProductView current, ProductRequest request) {
        if (!Objects.equals(current.releaseDate(), request.releaseDate())) {
            return request.releaseDate() == null
                    ? "the release date is no longer set"
                    : "the release date moved to " + request.releaseDate();
        }
        if (!Objects.equals(current.restockEta(), request.restockEta())) {
            return request.restockEta() == null
                    ? "no restock date is known any more"
                    : "the expected restock date is now " + request.restockEta();
        }
        return null;
    }

    private static String etaReviewId(String sku, long actionId) {
        return "eta-" + sku + "-" + actionId;
    }

    static ApiException notFound(String sku) {
        return BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product with sku " + sku + ".");
    }

    @Transactional(readOnly = true)
    Optional<ProductView> find(String sku) {
        return products.find(sku);
    }
}
