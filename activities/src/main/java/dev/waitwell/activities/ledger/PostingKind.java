package dev.waitwell.activities.ledger;

/** Why a ledger transaction was posted. */
public enum PostingKind {
    PAYMENT,
    REFUND,
    REVENUE
}
