package dev.waitwell.workflows.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * A business failure as an answer rather than an exception: what a workflow returns, from its method or an
 * update, when it refuses a request. The caller gets the type as a value; an update's failure would reach it
 * without its type (SDK 1.38), and a type read back from a message is a contract nobody can see.
 *
 * @param failure why, from the one list of failure types
 * @param message the words of the step that refused, for people
 */
public record Refusal(BusinessFailure failure, String message) {

    public Refusal {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The refusal a failure carries: the first {@code ApplicationFailure} in its cause chain, when its type is a
     * {@link BusinessFailure}, with that failure's own message. Empty for anything else.
     */
    public static Optional<Refusal> of(Throwable failure) {
        return BusinessFailure.applicationFailureIn(failure)
                .flatMap(application -> BusinessFailure.of(application)
                        .map(type ->
                                new Refusal(type, Objects.requireNonNullElse(application.getOriginalMessage(), ""))));
    }
}
