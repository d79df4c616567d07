package dev.waitwell.workflows.inventory;

/** The one place stock workflow ids are made. */
public final class AllocationWorkflowIds {

    private AllocationWorkflowIds() {}

    /**
     * {@code receipt-{sku}:{reference}}: one workflow per receipt, whatever the retries. A sku never holds
     * a colon, so two receipts cannot share an id.
     */
    public static String receipt(String sku, String reference) {
        return "receipt-" + sku + ":" + reference;
    }

    /** {@code allocations-{batchId}}: one fan-out per allocation batch. */
    public static String fanOut(long batchId) {
        return "allocations-" + batchId;
    }
}
