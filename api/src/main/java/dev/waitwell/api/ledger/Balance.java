package dev.waitwell.api.ledger;

/**
 * Balances of one currency in minor units. {@code cash} is an asset (debits minus credits);
 * {@code customerDeposits} (owed to customers until their goods ship) and {@code revenue} are credits minus debits.
 */
record Balance(String currency, long cash, long customerDeposits, long revenue) {

    /** Assets equal liabilities plus revenue, which is the same as debits equal credits. */
    boolean balanced() {
        return cash == customerDeposits + revenue;
    }
}
