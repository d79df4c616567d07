package dev.waitwell.api.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs every {@link RecoverySweep} once, each on its own: a failing one is logged and the others still run. */
@Component
class RecoverySweeps {

    private static final Logger log = LoggerFactory.getLogger(RecoverySweeps.class);

    private final List<RecoverySweep> sweeps;
    private final Clock clock;
    private final RecoveryProperties properties;

    RecoverySweeps(List<RecoverySweep> sweeps, Clock clock, RecoveryProperties properties) {
        this.sweeps = List.copyOf(sweeps);
        this.clock = clock;
        this.properties = properties;
    }

    void runAll() {
        Instant before = clock.instant().minus(properties.startGrace());
        for (RecoverySweep sweep : sweeps) {
            run(sweep, before);
        }
    }

    private static void run(RecoverySweep sweep, Instant before) {
        try {
            int started = sweep.recover(before);
            if (started > 0) {
                // Something a request should have started had been left undone: worth a look if it recurs.
                log.warn("Recovery started {} {}", started, sweep.subject());
            }
        } catch (RuntimeException away) {
            // The database or Temporal is away: the next run tries again.
            log.warn("Recovery could not start the {}: {}", sweep.subject(), away.toString());
        }
    }
}
