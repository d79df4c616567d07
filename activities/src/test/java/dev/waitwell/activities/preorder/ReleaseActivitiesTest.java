package dev.waitwell.activities.preorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class ReleaseActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("releaseActivities")
    ReleaseActivities releases;

    @Test
    void earlyReleaseMovesTheReleaseDateToTodayAndListsOpenPreordersOldestFirst() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        String first = fixture.preorder(sku, 1);
        String second = fixture.preorder(sku, 1);
        String shipped = fixture.preorder(sku, 1);
        jdbc.sql("UPDATE orders SET status = 'SHIPPED' WHERE order_id = ?").param(shipped).update();
        jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '1 hour' WHERE order_id = ?")
                .param(second).update();

        ReleasedProduct released = releases.markReleased(new ReleaseRequest(sku, "ops"));

        assertThat(released.waitingOrderIds()).containsExactly(second, first);
        assertThat(jdbc.sql("SELECT release_date FROM products WHERE sku = ?").param(sku)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void releasingTwiceKeepsTheFirstReleaseMoment() {
        String sku = fixture.product(LocalDate.now(ZoneOffset.UTC).minusDays(2));
        releases.markReleased(new ReleaseRequest(sku, null));
        OffsetDateTime firstReleasedAt = releasedAt(sku);

        releases.markReleased(new ReleaseRequest(sku, null));

        assertThat(releasedAt(sku)).isEqualTo(firstReleasedAt);
        assertThat(jdbc.sql("SELECT release_date FROM products WHERE sku = ?").param(sku)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(2));
    }

    @Test
    void unknownProductCannotBeReleased() {
        assertThatThrownBy(() -> releases.markReleased(new ReleaseRequest("NO-SUCH-SKU", "ops")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("PRODUCT_NOT_FOUND");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
    }

    private OffsetDateTime releasedAt(String sku) {
        return jdbc.sql("SELECT released_at FROM products WHERE sku = ?").param(sku)
                .query(OffsetDateTime.class).single();
    }
}
