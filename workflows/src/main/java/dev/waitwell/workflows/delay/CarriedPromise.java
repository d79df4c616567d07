package dev.waitwell.workflows.delay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The promise and its history as one run of an order hands them to the next when it continues as new: the
 * dates, when the next reminder is due, how many delays, reminders and improvements were numbered (their message
 * keys must never repeat), the reward code, the promise change ids already seen and changes received but not
 * handled yet. Never rename or remove a field (the JSON names them).
 */
public record CarriedPromise(
        LocalDate promisedDate,
        Instant releaseAt,
        Instant nextReminder,
        int delays,
        int reminders,
        int improvements,
        int decisionsSettled,
        String rewardCode,
        List<String> seenChangeIds,
        List<PromiseChange> pending) {

    public CarriedPromise {
        seenChangeIds = seenChangeIds == null ? List.of() : List.copyOf(seenChangeIds);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }
}
