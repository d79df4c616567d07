package dev.waitwell.api.metrics;

/**
 * The business figures and how they are exported. Counters only ever grow (their rows are never deleted and the
 * labels they are counted by never change); gauges are states that go up and down. Prometheus adds
 * {@code _total} to counter names.
 */
enum Figure {
    ORDERS_PLACED("waitwell.orders.placed", true, "Orders placed, by kind (checkouts accepted)"),
    ORDERS("waitwell.orders", false, "Orders currently in each status"),
    ALLOCATIONS("waitwell.allocations", true, "Allocations of stock to orders (one per order and allocation batch)"),
    ALLOCATED_UNITS("waitwell.allocated.units", true, "Units of stock allocated to orders"),
    DELAYS(
            "waitwell.delays",
            true,
            "Promise changes that moved an order's date later or to unknown, by what caused the review"),
    DECISIONS(
            "waitwell.decisions",
            true,
            "Decisions on delayed orders, by choice and by whom (customer, staff, or silence counted as WAIT)"),
    REFUNDS("waitwell.refunds", true, "Successful refunds, by currency"),
    DISPUTES(
            "waitwell.disputes",
            true,
            "Disputes customers opened with their bank against a charge, by the processor's reason"),
    REFUNDED_MINOR("waitwell.refunded.minor", true, "Money refunded, in minor units of the currency"),
    NOTIFICATIONS(
            "waitwell.notifications",
            false,
            "Customer messages by channel and current status (SENDING, SENT, DELIVERED, FAILED, SKIPPED)"),
    DEPOSITS_HELD_MINOR(
            "waitwell.deposits.held.minor",
            false,
            "Money held for customers until their goods ship (the customerDeposits liability), in minor units"),
    ORDERS_WITHOUT_WORKFLOW(
            "waitwell.orders.without.workflow",
            false,
            "Open orders the worker's latest reconcile pass found without a running workflow in Temporal"),
    ORDERS_REBUILT(
            "waitwell.orders.rebuilt",
            true,
            "Order workflows rebuilt from the database, by trigger (RECONCILER, or SUPPORT through the admin API)"),
    SURVEYS_SENT(
            "waitwell.surveys.sent", true, "Happiness surveys sent, by order kind and whether the order was delayed"),
    SURVEY_RESPONSES(
            "waitwell.survey.responses",
            true,
            "Surveys answered (the first answer of each counts), by order kind, delayed or not, and score 1 to 5"),
    SATISFACTION_AVERAGE(
            "waitwell.satisfaction.average",
            false,
            "The mean score (1 to 5) of the answered surveys, by order kind and delayed or not; absent without answers"),
    SURVEY_RESPONSE_RATE(
            "waitwell.survey.response.rate",
            false,
            "Answered surveys / surveys sent (0 to 1), by order kind and delayed or not; absent without surveys");

    private final String meterName;
    private final boolean counter;
    private final String description;

    Figure(String meterName, boolean counter, String description) {
        this.meterName = meterName;
        this.counter = counter;
        this.description = description;
    }

    String meterName() {
        return meterName;
    }

    boolean counter() {
        return counter;
    }

    String description() {
        return description;
    }
}
