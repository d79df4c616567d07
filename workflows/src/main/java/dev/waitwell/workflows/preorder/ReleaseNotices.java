package dev.waitwell.workflows.preorder;

import java.util.List;
import java.util.Objects;

/**
 * Pre-orders of a product that were told of its release (the signal was delivered, or the order's workflow was
 * gone and its rebuild reads the release from the database): a run that replaces a lost one tells only the others.
 */
public record ReleaseNotices(String sku, List<String> orderIds) {

    public ReleaseNotices {
        Objects.requireNonNull(sku, "sku");
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
    }
}
