package dev.waitwell.workflows.delay;

import io.temporal.workflow.SignalMethod;

/**
 * An order workflow as a promise review sees it: something that holds a promise. The order workflow's contract
 * extends it, so the review signals orders without knowing the order workflow.
 */
public interface PromiseListener {

    /**
     * The order's promise was recomputed (a purchase order or release date moved, a receipt came short, a restock
     * date changed). A later or unknown date opens a delay decision; an earlier one is good news.
     */
    @SignalMethod
    void promiseChanged(PromiseChange change);
}
