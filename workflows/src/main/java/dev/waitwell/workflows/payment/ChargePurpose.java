package dev.waitwell.workflows.payment;

/** Why money is taken: it decides the ledger posting and the customer's message. */
public enum ChargePurpose {
    /** The whole order at checkout. */
    FULL,
    /** The deposit at checkout. */
    DEPOSIT,
    /** What is left to pay on release. */
    BALANCE
}
