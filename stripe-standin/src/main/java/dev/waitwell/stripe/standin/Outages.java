package dev.waitwell.stripe.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Trouble on Stripe's side for the next requests (of one endpoint, or any): a server error, an answer that comes too
 * late, or a refusal.
 */
final class Outages {

    enum Mode {
        NONE,
        /** HTTP 500 before Stripe does anything: nothing is stored under the idempotency key. */
        FAIL,
        /**
         * HTTP 500 once the endpoint began, before it did anything: Stripe keeps the 500 under the idempotency key and
         * answers it again to every retry under the key (marked {@code Idempotent-Replayed}) until it forgets the key.
         */
        FAIL_KEPT,
        /** The same, but the request was carried out (a PaymentIntent made and confirmed) before it failed. */
        FAIL_KEPT_AFTER_RUNNING,
        /** The request is carried out but its answer is held back: the client times out, the work is done. */
        HANG,
        /** A {@link Refusal} before Stripe does anything: nothing is stored under the idempotency key. */
        REFUSE
    }

    /** What happens to the next {@code remaining} requests of {@code method} on {@code path} (null: any). */
    private static final class Rule {
        private final String method;
        private final String path;
        private final Mode mode;
        private final Duration delay;
        private final Refusal refusal;
        private int remaining;

        Rule(String method, String path, Mode mode, int remaining, Duration delay, Refusal refusal) {
            this.method = method;
            this.path = path;
            this.mode = mode;
            this.remaining = remaining;
            this.delay = delay;
            this.refusal = refusal;
        }

        /** Of any request, or of {@code method} on {@code path}, where a {@code *} stands for one segment. */
        boolean matches(String method, String path) {
            if (this.path == null) {
                return true;
            }
            String[] expected = this.path.split("/");
            String[] actual = path.split("/");
            if (!this.method.equals(method) || expected.length != actual.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (!expected[i].equals("*") && !expected[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, String path, Mode mode, int requests, Duration delay) {
        if (requests > 0) {
            rules.add(new Rule(method, path, mode, requests, delay, null));
        }
    }

    synchronized void refuse(String method, String path, int requests, Refusal refusal) {
        if (requests > 0) {
            rules.add(new Rule(method, path, Mode.REFUSE, requests, Duration.ZERO, refusal));
        }
    }

    synchronized void clear() {
        rules.clear();
    }

    /** The trouble this request meets: how long its answer waits for {@link Mode#HANG}, its {@link Refusal}. */
    synchronized Trouble next(String method, String path) {
        for (Iterator<Rule> iterator = rules.iterator(); iterator.hasNext(); ) {
            Rule rule = iterator.next();
            if (rule.matches(method, path)) {
                if (--rule.remaining == 0) {
                    iterator.remove();
                }
                return new Trouble(rule.mode, rule.delay, rule.refusal);
            }
        }
        return new Trouble(Mode.NONE, Duration.ZERO, null);
    }

    record Trouble(Mode mode, Duration delay, Refusal refusal) {}
}
