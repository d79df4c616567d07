package dev.waitwell.workflows.backorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseDatesTest {

    private static final Duration BUFFER = Duration.ofDays(2);
    private static final List<IncomingSupply> SUPPLY = List.of(
            new IncomingSupply("po-late", LocalDate.of(2027, 3, 1), 10),
            new IncomingSupply("po-early", LocalDate.of(2027, 2, 1), 5));

    @Test
    void promisesTheEarliestPurchaseOrderThatReachesTheOrdersLastUnitPlusTheBuffer() {
        assertThat(PromiseDates.promise(0, 5, SUPPLY, null, BUFFER)).contains(LocalDate.of(2027, 2, 3));
        assertThat(PromiseDates.promise(4, 2, SUPPLY, null, BUFFER)).contains(LocalDate.of(2027, 3, 3));
        assertThat(PromiseDates.promise(14, 1, SUPPLY, null, BUFFER)).contains(LocalDate.of(2027, 3, 3));
    }

    @Test
    void fallsBackToTheRestockEtaWhenNoPurchaseOrderCoversTheQueue() {
        LocalDate eta = LocalDate.of(2027, 5, 1);

        assertThat(PromiseDates.promise(15, 1, SUPPLY, eta, BUFFER)).contains(LocalDate.of(2027, 5, 3));
        assertThat(PromiseDates.promise(15, 1, SUPPLY, null, BUFFER)).isEmpty();
    }

    @Test
    void ignoresFullyReceivedPurchaseOrders() {
        List<IncomingSupply> received = List.of(new IncomingSupply("po-done", LocalDate.of(2027, 1, 1), 0));

        assertThat(PromiseDates.promise(0, 1, received, null, BUFFER)).isEmpty();
    }
}
