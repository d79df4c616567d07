package dev.waitwell.workflows.preorder;

import io.temporal.workflow.SignalMethod;

/**
 * A pre-order workflow as a product's release sees it: something that waits for the release. The order workflow's
 * contract extends it, so the release signals orders without knowing the order workflow.
 */
public interface ReleaseListener {

    /** The product was released now (by staff); a release date reached by itself needs no signal. */
    @SignalMethod
    void productReleased();
}
