package dev.waitwell.workflows.payment;

/**
 * The charge that waits on the customer's bank (checked again under its own key until it is resolved: a new one
 * would charge twice), and one a new payment method replaced, which must be let go of at the processor before the
 * new method is charged.
 */
final class BankWait {

    private ChargeRequest waiting;
    private ChargeRequest replaced;
    private int methodChanges;

    /** The attempt about to run: the method changes seen so far, to tell whether one came while it ran. */
    int startAttempt() {
        return methodChanges;
    }

    /** An attempt ended waiting on the bank: it waits on, unless a new method came while it ran. */
    void waitsOn(ChargeRequest charge, int changesAtStart) {
        if (changesAtStart == methodChanges) {
            waiting = charge;
        } else {
            replaced = charge;
        }
    }

    void settled() {
        waiting = null;
    }

    /**
     * {@code charge} was found paid: if a new method had replaced it while it was being checked, it is no longer to be
     * let go of (letting go of it later would find it paid and count it twice, instead of the charge due then).
     */
    void paid(ChargeRequest charge) {
        settled();
        if (charge.equals(replaced)) {
            replaced = null;
        }
    }

    /** A new payment method: the charge that waited is to be let go of, and the next attempt is a new one. */
    void methodChanged() {
        methodChanges++;
        if (waiting != null) {
            replaced = waiting;
            waiting = null;
        }
    }

    /** The replaced charge to let go of, once. */
    ChargeRequest takeReplaced() {
        ChargeRequest charge = replaced;
        replaced = null;
        return charge;
    }

    /** The charge to let go of when the order stops waiting (cancelled, or out of grace), once. */
    ChargeRequest takeWaiting() {
        ChargeRequest charge = waiting;
        waiting = null;
        return charge;
    }

    ChargeRequest waiting() {
        return waiting;
    }

    boolean isWaitingFor(String chargeKey) {
        return waiting != null && waiting.idempotencyKey().equals(chargeKey);
    }
}
