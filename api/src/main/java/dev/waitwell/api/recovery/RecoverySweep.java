package dev.waitwell.api.recovery;

import java.time.Instant;

/**
 * One kind of work a request should have started and did not. A bean implementing this is run every
 * {@code waitwell.recovery.interval} while {@code waitwell.recovery.enabled} is true.
 */
public interface RecoverySweep {

    /**
     * Starts what was left undone before {@code before}: older than the start grace, so a request still under way
     * is never raced. Must be idempotent (a second API instance may sweep the same rows at once). Throws when the
     * database or Temporal is away; the next run tries again.
     *
     * @return how many it started
     */
    int recover(Instant before);

    /** What it starts, plural, for the log: {@code "email fallbacks of failed SMS"}. */
    String subject();
}
