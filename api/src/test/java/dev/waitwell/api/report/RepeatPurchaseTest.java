package dev.waitwell.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.api.report.RepeatPurchase.CancellationAfterDelay;
import dev.waitwell.api.report.RepeatPurchase.Group;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepeatPurchaseTest {

    @Test
    void namesAWindowOfWholeDaysInDays() {
        assertThat(RepeatPurchase.days(Duration.ofDays(90))).isEqualTo("P90D");
        assertThat(RepeatPurchase.days(Duration.ofHours(36))).isEqualTo("PT36H");
    }

    @Test
    void refusesAWindowThatIsNotPositive() {
        assertThatThrownBy(() -> new RepeatPurchaseProperties(Duration.ZERO))
                .hasMessageContaining("WAITWELL_REPORT_REPEAT_WINDOW");
        assertThatThrownBy(() -> new RepeatPurchaseProperties(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesPendingOrdersOutOfTheRates() {
        Group group = Group.of(10, 4, 3, 5, 2);

        assertThat(group.observable()).isEqualTo(6);
        assertThat(group.orderRate()).isEqualByComparingTo(new BigDecimal("0.5000"));
        assertThat(group.rate()).isEqualByComparingTo(new BigDecimal("0.4000"));
        assertThat(Group.of(3, 3, 0, 0, 0).rate()).isNull();
    }

    @Test
    void leavesUndecidedDelaysOutOfTheCancellationRate() {
        CancellationAfterDelay cancellations = CancellationAfterDelay.of(7, 1, 2, 1, 0);

        assertThat(cancellations.otherReasons()).isEqualTo(1);
        assertThat(cancellations.rate()).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(CancellationAfterDelay.of(1, 1, 0, 0, 0).rate()).isNull();
    }
}
