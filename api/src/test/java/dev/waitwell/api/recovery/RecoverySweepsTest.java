package dev.waitwell.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every sweep runs on each run, on its own, asked for what is older than the start grace at that run. */
class RecoverySweepsTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void oneFailingSweepDoesNotStopTheOthers() {
        Recording before = new Recording();
        Recording after = new Recording();
        RecoverySweeps sweeps = new RecoverySweeps(
                List.of(before, new Failing(), after),
                clock,
                new RecoveryProperties(true, Duration.ofMinutes(1), GRACE));

        sweeps.runAll();

        assertThat(before.asked).containsExactly(NOW.minus(GRACE));
        assertThat(after.asked).as("the sweep behind the failing one").containsExactly(NOW.minus(GRACE));
    }

    @Test
    void asksEverySweepAgainOnTheNextRunForWhatIsOlderThanTheStartGraceThen() {
        Recording sweep = new Recording();
        MovingClock moving = new MovingClock(NOW);
        RecoverySweeps sweeps = new RecoverySweeps(
                List.of(new Failing(), sweep), moving, new RecoveryProperties(true, Duration.ofMinutes(1), GRACE));

        sweeps.runAll();
        moving.now = NOW.plusSeconds(60);
        sweeps.runAll();

        assertThat(sweep.asked)
                .containsExactly(NOW.minus(GRACE), NOW.plusSeconds(60).minus(GRACE));
    }

    private static final class Recording implements RecoverySweep {

        final List<Instant> asked = new ArrayList<>();

        @Override
        public int recover(Instant before) {
            asked.add(before);
            return 1;
        }

        @Override
        public String subject() {
            return "things recorded";
        }
    }

    private static final class Failing implements RecoverySweep {

        @Override
        public int recover(Instant before) {
            throw new IllegalStateException("database away");
        }

        @Override
        public String subject() {
            return "things that cannot be started";
        }
    }

    private static final class MovingClock extends Clock {

        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
