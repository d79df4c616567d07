package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.shared.Money;

/**
 * Where in the order's script this run starts: at the beginning (a first run), or where the run it continues or
 * rebuilds stood: its phase, a charge it was waiting on, its number, and what a lost run had charged of the balance.
 * {@link OrderPhases} asks it at each phase whether to skip, resume or run.
 */
final class ResumePoint {

    /** Where in the script a charge is made, for a run rebuilt while its order waited on one. */
    enum ChargeStage {
        /** The plan's first payment; the confirmation follows. */
        CHECKOUT,
        /** A pre-order's balance on release; the CHARGED message follows. */
        RELEASE,
        /** What a backorder or in-stock order owes once its units are in; fulfilment follows. */
        STOCK,
        /** The price difference of a switch to an alternative; the switch's status and message follow. */
        SWITCH
    }

    private OrderPhase phase;
    private ChargeStage charge;
    private int runNumber = 1;
    private long balanceChargedBefore;

    /**
     * A run that continues an earlier one: checkout is done, and the script resumes at {@code phase}; or, rebuilt while
     * a charge was outstanding ({@code charge} not null), at that charge, wherever the script makes it.
     */
    void resume(OrderPhase phase, int number, ChargeStage charge, long balanceChargedByTheLostRun) {
        this.phase = phase;
        this.runNumber = number;
        this.charge = charge;
        this.balanceChargedBefore = balanceChargedByTheLostRun;
    }

    /** Whether this run continues another (or was rebuilt); false for a first run. */
    boolean resumed() {
        return phase != null;
    }

    /** Whether the run this one continues had got as far as {@code phase}; never for a first run. */
    boolean atOrAfter(OrderPhase other) {
        return phase != null && phase.isAtOrAfter(other);
    }

    /** Whether the run resumes at a charge made at {@code stage}; true once, where the script makes it. */
    boolean resumesChargeAt(ChargeStage stage) {
        if (charge != stage) {
            return false;
        }
        charge = null;
        return true;
    }

    /** Whether the run resumes at checkout's charge: rebuilt while the plan's first payment was outstanding. */
    boolean resumesAtCheckoutCharge() {
        return charge == ChargeStage.CHECKOUT;
    }

    int runNumber() {
        return runNumber;
    }

    /** What a lost run had charged of the balance before this rebuilt run; zero for every other run. */
    Money balanceChargedBefore(String currency) {
        return Money.of(balanceChargedBefore, currency);
    }
}
