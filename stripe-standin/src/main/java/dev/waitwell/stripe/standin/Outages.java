package dev.waitwell.stripe.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Trouble on Stripe's side for the next requests (of one endpoint, or any): a server error, or an answer that comes
 * too late.
 */
final class Outages {

    enum Mode {
        NONE,
        /** HTTP 500 before Stripe does anything: nothing is stored under the idempotency key. */
        FAIL,
        /** The request is carried out but its answer is held back: the client times out, the work is done. */
        HANG
    }

    /** What happens to the next {@code remaining} requests of {@code method} on {@code path} (null: any). */
    private static final class Rule {
        private final String method;
        private final String path;
        private final Mode mode;
        private final Duration delay;
        private int remaining;

        Rule(String method, String path, Mode mode, int remaining, Duration delay) {
            this.method = method;
            this.path = path;
            this.mode = mode;
            this.remaining = remaining;
            this.delay = delay;
        }

        boolean matches(String method, String path) {
            return this.path == null || (this.method.equals(method) && this.path.equals(path));
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, String path, Mode mode, int requests, Duration delay) {
        if (requests > 0) {
            rules.add(new Rule(method, path, mode, requests, delay));
        }
    }

    synchronized void clear() {
        rules.clear();
    }

    /** The trouble this request meets, and how long its answer waits for {@link Mode#HANG}. */
    synchronized Trouble next(String method, String path) {
        for (Iterator<Rule> iterator = rules.iterator(); iterator.hasNext(); ) {
            Rule rule = iterator.next();
            if (rule.matches(method, path)) {
                if (--rule.remaining == 0) {
                    iterator.remove();
                }
                return new Trouble(rule.mode, rule.delay);
            }
        }
        return new Trouble(Mode.NONE, Duration.ZERO);
    }

    record Trouble(Mode mode, Duration delay) {}
}
