package dev.waitwell.activities.ledger;

/** The ledger's accounts, named as they are stored. */
public enum Account {
    /** Money the shop holds (an asset). */
    CASH("cash"),
    /** Money paid for goods not yet shipped: owed to the customer (a liability). */
    CUSTOMER_DEPOSITS("customerDeposits"),
    /** Earned once the goods ship. */
    REVENUE("revenue");

    private final String column;

    Account(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
