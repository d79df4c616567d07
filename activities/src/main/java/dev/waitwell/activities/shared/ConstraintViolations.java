package dev.waitwell.activities.shared;

import dev.waitwell.workflows.shared.BusinessFailure;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Writes of stock and counters that a database invariant refuses (a CHECK such as the bounds of V21, a NOT NULL,
 * a foreign key, a number out of range) fail for good: retrying the same write breaks the same invariant, and a
 * workflow would retry it forever. They become a non-retryable {@link BusinessFailure#CONSTRAINT_VIOLATED}, logged
 * at ERROR for ops, and the transaction is rolled back. A duplicate key is left alone: it is a concurrent writer
 * that committed first, which a retry reads.
 */
public final class ConstraintViolations {

    private static final Logger log = LoggerFactory.getLogger(ConstraintViolations.class);

    private ConstraintViolations() {}

    /**
     * Runs {@code write} (a whole transaction: call it outside {@code TransactionTemplate.execute}, so that the
     * transaction is over when the failure is raised).
     *
     * @param step what the write is, in words for the log and the failure ("receipt GRN-7 of CAM-1")
     */
    public static <T> T failForGood(String step, Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException concurrent) {
            throw concurrent;
        } catch (DataIntegrityViolationException violation) {
            String cause = violation.getMostSpecificCause().getMessage();
            log.error("{} broke a database invariant and was not written; it will not be retried: {}", step, cause);
            throw BusinessFailure.CONSTRAINT_VIOLATED.raise(
                    step + " broke a database invariant and was not written: " + cause);
        }
    }

    /** {@link #failForGood(String, Supplier)} for a write without a result. */
    public static void failForGood(String step, Runnable write) {
        failForGood(step, () -> {
            write.run();
            return null;
        });
    }
}
