package dev.waitwell.workflows.order;

import io.temporal.workflow.Workflow;

/**
 * The behaviour changes of the order workflow, and which of them this run follows. Asked once at the start, in
 * this fixed order (a replay must meet the markers in the order they were recorded); a new change is added last.
 * Every run records its own markers: a run that continued as new takes the versions of the code that runs it,
 * whatever its first run took (see {@link OrderContinuation}).
 *
 * <p>Runs from {@code launch-day-shape} on record one marker for every change up to it instead of one each (twelve
 * markers were a tenth of the events of a pre-order's whole history, written by every run and every rebuild). Only a
 * run started before it, always replayed here, finds that marker missing and asks the twelve it recorded. Later
 * changes are later versions of that same marker, so a new run still records one: version 2 queues the order's
 * messages ({@code messagesQueued}), version 3 lets a charge write its own timeline entry ({@code chargeWritesItsEvent})
 * and forgets a replaced charge found paid ({@code forgetsReplacedChargeOncePaid}).
 *
 * @param allocationQueue units come from the allocation queue (receipts, releases, returns), not directly
 * @param delayProcess promise changes, delay decisions and reminders while waiting
 * @param searchAttributes search attributes upserted at every status change and promise move
 * @param continueAsNew waiting orders continue as new once their history passes the policy's limit
 * @param earlyMessages every signal that came with a run's start counts ({@link EarlyMessages})
 * @param paymentSetup a checkout that charges nothing saves the payment method for later charges
 * @param paymentRetries a retry asked for while a charge ran is forgotten once the money is in
 * @param stableTimelineKeys timeline keys say what happened ({@code status:<STATUS>#k}), not where
 *     ({@code status-n}), so that a run rebuilt from the database goes on from the counts recorded there
 * @param catchUpBeforeReopenedDecision a run rebuilt with a delay decision open reads the allocations made while no
 *     workflow could be told before it waits for the answer
 * @param localDatabaseSteps the steps that only read and write PostgreSQL run as local activities
 *     ({@link dev.waitwell.workflows.lifecycle.DatabaseSteps}): fewer workflow tasks and task-queue round trips
 * @param releaseTellsAllocations a pre-order told of its release by the release workflow leaves telling the release's
 *     allocations to that workflow, rather than each of thousands of orders trying to start the same fan-out
 * @param localChargeWhileCustomerWaits a charge the customer waits for (checkout) runs as a local activity
 * @param localChargesWithoutCustomer every other charge (the balance on release or allocation, retries) runs as a
 *     local activity too: on release day an order's signal, balance charge and status writes take one workflow task
 * @param messagesQueued messages are queued in PostgreSQL for the worker's sender
 *     ({@link dev.waitwell.workflows.notification.MessageOutbox}, a local activity) instead of each sent by an activity
 *     the order waits for: no message costs an order an activity task and a workflow task, and a mail server that is
 *     down holds up only the messages
 * @param chargeWritesItsEvent a successful charge writes its {@code PAYMENT_CHARGED} entry in the transaction that
 *     records it, under a key the run sets aside: one local activity fewer in the workflow task checkout's answer waits
 *     for, and in every order's on release day
 * @param forgetsReplacedChargeOncePaid a charge that waited on the customer's bank and was found paid while a new
 *     method replaced it is not let go of later: before, the next charge (the balance, say) let go of it instead of
 *     being made, found it paid and counted it a second time
 */
record OrderVersions(
        boolean allocationQueue,
        boolean delayProcess,
        boolean searchAttributes,
        boolean continueAsNew,
        boolean earlyMessages,
        boolean paymentSetup,
        boolean paymentRetries,
        boolean stableTimelineKeys,
        boolean catchUpBeforeReopenedDecision,
        boolean localDatabaseSteps,
        boolean releaseTellsAllocations,
        boolean localChargeWhileCustomerWaits,
        boolean localChargesWithoutCustomer,
        boolean messagesQueued,
        boolean chargeWritesItsEvent,
        boolean forgetsReplacedChargeOncePaid) {

    static final String ALLOCATION_QUEUE = "allocation-queue";
    static final String DELAY_PROCESS = "delay-process";
    static final String SEARCH_ATTRIBUTES = "search-attributes";
    static final String CONTINUE_AS_NEW = "continue-as-new";
    static final String EARLY_MESSAGES = "early-messages";
    static final String PAYMENT_SETUP = "payment-setup";
    static final String PAYMENT_RETRIES = "payment-retries";
    static final String STABLE_TIMELINE_KEYS = "stable-timeline-keys";
    static final String CATCH_UP_BEFORE_REOPENED_DECISION = "catch-up-before-reopened-decision";
    static final String LOCAL_DATABASE_STEPS = "local-database-steps";
    static final String RELEASE_TELLS_ALLOCATIONS = "release-tells-allocations";
    static final String LOCAL_CHARGE_WHILE_CUSTOMER_WAITS = "local-charge-while-customer-waits";
    /**
     * Every change above, and {@code localChargesWithoutCustomer}, under one marker (version 1); version 2 adds
     * {@code messagesQueued}, version 3 {@code chargeWritesItsEvent} and {@code forgetsReplacedChargeOncePaid}.
     */
    static final String LAUNCH_DAY_SHAPE = "launch-day-shape";

    static final int LAUNCH_DAY = 1;
    static final int MESSAGES_QUEUED = 2;
    static final int CHARGE_WRITES_ITS_EVENT = 3;

    private static final OrderVersions LAUNCH_DAY_SHAPE_1 = new OrderVersions(
            true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, false);
    private static final OrderVersions LAUNCH_DAY_SHAPE_2 = new OrderVersions(
            true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false);
    private static final OrderVersions LAUNCH_DAY_SHAPE_3 = new OrderVersions(
            true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true);

    static OrderVersions ofThisRun() {
        int launchDay = Workflow.getVersion(LAUNCH_DAY_SHAPE, Workflow.DEFAULT_VERSION, CHARGE_WRITES_ITS_EVENT);
        if (launchDay >= CHARGE_WRITES_ITS_EVENT) {
            return LAUNCH_DAY_SHAPE_3;
        }
        if (launchDay == MESSAGES_QUEUED) {
            return LAUNCH_DAY_SHAPE_2;
        }
        if (launchDay == LAUNCH_DAY) {
            return LAUNCH_DAY_SHAPE_1;
        }
        return recordedOneByOne();
    }

    /** A run from before {@code launch-day-shape}: the markers it recorded, one per change. */
    private static OrderVersions recordedOneByOne() {
        boolean allocationQueue = isOn(ALLOCATION_QUEUE);
        boolean delayProcess = isOn(DELAY_PROCESS);
        boolean searchAttributes = isOn(SEARCH_ATTRIBUTES);
        boolean continueAsNew = isOn(CONTINUE_AS_NEW);
        boolean earlyMessages = isOn(EARLY_MESSAGES);
        boolean paymentSetup = isOn(PAYMENT_SETUP);
        boolean paymentRetries = isOn(PAYMENT_RETRIES);
        boolean stableTimelineKeys = isOn(STABLE_TIMELINE_KEYS);
        boolean catchUpBeforeReopenedDecision = isOn(CATCH_UP_BEFORE_REOPENED_DECISION);
        boolean localDatabaseSteps = isOn(LOCAL_DATABASE_STEPS);
        boolean releaseTellsAllocations = isOn(RELEASE_TELLS_ALLOCATIONS);
        boolean localChargeWhileCustomerWaits = isOn(LOCAL_CHARGE_WHILE_CUSTOMER_WAITS);
        return new OrderVersions(
                allocationQueue,
                delayProcess,
                searchAttributes,
                continueAsNew,
                earlyMessages,
                paymentSetup,
                paymentRetries,
                stableTimelineKeys,
                catchUpBeforeReopenedDecision,
                localDatabaseSteps,
                releaseTellsAllocations,
                localChargeWhileCustomerWaits,
                false,
                false,
                false,
                false);
    }

    private static boolean isOn(String change) {
        return Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) >= 1;
    }
}
