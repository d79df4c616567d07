package dev.waitwell.workflows.delay;

import java.util.List;
import java.util.Objects;

/**
 * Changes of a review whose orders were told (the signal was delivered). A change whose order's workflow was gone
 * is not among them: a rebuilt order does not read pending changes, so it is told once the order runs again.
 */
public record PromiseChangesTold(String reviewId, List<Long> changeIds) {

    public PromiseChangesTold {
        Objects.requireNonNull(reviewId, "reviewId");
        changeIds = changeIds == null ? List.of() : List.copyOf(changeIds);
    }
}
