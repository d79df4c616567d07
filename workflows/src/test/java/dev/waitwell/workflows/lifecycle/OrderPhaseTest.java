package dev.waitwell.workflows.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A continuation in flight resumes by its phase's position: positions are pinned forever. */
class OrderPhaseTest {

    @Test
    void everyPhaseKeepsThePositionContinuationsInFlightResumeBy() {
        Map<OrderPhase, Integer> positions =
                Arrays.stream(OrderPhase.values()).collect(Collectors.toMap(Function.identity(), OrderPhase::position));

        assertThat(positions)
                .containsAllEntriesOf(Map.of(
                        OrderPhase.RELEASE_REMINDER,
                        10,
                        OrderPhase.RELEASE,
                        20,
                        OrderPhase.STOCK,
                        30,
                        OrderPhase.SHIPMENT,
                        40));
        assertThat(positions.values()).as("one position per phase").doesNotHaveDuplicates();
    }

    @Test
    void aWaitIsAtOrAfterItselfAndTheWaitsBeforeItOnly() {
        assertThat(OrderPhase.STOCK.isAtOrAfter(OrderPhase.RELEASE_REMINDER)).isTrue();
        assertThat(OrderPhase.STOCK.isAtOrAfter(OrderPhase.STOCK)).isTrue();
        assertThat(OrderPhase.STOCK.isAtOrAfter(OrderPhase.SHIPMENT)).isFalse();
        assertThat(OrderPhase.RELEASE_REMINDER.isAtOrAfter(OrderPhase.RELEASE)).isFalse();
    }
}
