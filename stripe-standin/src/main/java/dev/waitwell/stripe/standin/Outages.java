package dev.waitwell.stripe.standin;

import java.time.Duration;

/** Trouble on Stripe's side for the next requests: a server error, or an answer that comes too late. */
final class Outages {

    enum Mode {
        NONE,
        /** HTTP 500 before Stripe does anything: nothing is stored under the idempotency key. */
        FAIL,
        /** The request is carried out but its answer is held back: the client times out, the work is done. */
        HANG
    }

    private int failing;
    private int hanging;
    private Duration delay = Duration.ZERO;

    synchronized void fail(int requests) {
        failing = requests;
        hanging = 0;
    }

    synchronized void hang(int requests, Duration delay) {
        hanging = requests;
        failing = 0;
        this.delay = delay;
    }

    synchronized Mode next() {
        if (failing > 0) {
            failing--;
            return Mode.FAIL;
        }
        if (hanging > 0) {
            hanging--;
            return Mode.HANG;
        }
        return Mode.NONE;
    }

    synchronized Duration delay() {
        return delay;
    }
}
