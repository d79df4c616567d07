package dev.waitwell.workflows.ledger;

import io.temporal.activity.ActivityInterface;

/** Ledger postings that are not part of a payment. Idempotent per order. */
@ActivityInterface
public interface LedgerActivities {

    /** Moves the order's amount from customer deposits (a liability) to revenue. Once per order. */
    void recognizeRevenue(RevenueRecognition recognition);
}
