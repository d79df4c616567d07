package dev.waitwell.activities.inventory;

/** Where an order's units are, as stored in {@code order_stock.state}, and which product counter holds them. */
enum StockState {
    PREORDERED("preordered"),
    ALLOCATED("allocated"),
    SHIPPED(null),
    RETURNED(null);

    /** The {@code products} counter that counts units in this state, or null when no counter does. */
    private final String counter;

    StockState(String counter) {
        this.counter = counter;
    }

    /** The SET clause moving {@code :q} units out of this state's counter and into the target's. */
    String counterChange(StockState to) {
        StringBuilder set = new StringBuilder();
        if (counter != null) {
            set.append(counter).append(" = ").append(counter).append(" - :q");
        }
        if (to.counter != null) {
            set.append(set.isEmpty() ? "" : ", ").append(to.counter).append(" = ").append(to.counter).append(" + :q");
        }
        return set.toString();
    }
}
