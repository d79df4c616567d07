package dev.waitwell.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sweeps the API runs. Each one's own test calls it directly; this one fails when a sweep stops being a
 * {@link RecoverySweep}, which would leave it never run.
 */
@ApiTest
class RecoverySweepBeansTest {

    @Autowired
    List<RecoverySweep> sweeps;

    @Test
    void sweepsUnstartedOrdersFailedSmsOrdersWithoutCheckoutInputAndWorkBetweenOrdersLostPartWay() {
        assertThat(sweeps)
                .extracting(sweep -> sweep.getClass().getSimpleName())
                .containsExactlyInAnyOrder(
                        "UnstartedOrders",
                        "FailedSmsSweep",
                        "CheckoutInputBackfill",
                        "UnfinishedFanOuts",
                        "UnfinishedReleases",
                        "UnfinishedReviews");
    }
}
