package dev.waitwell.activities.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.delay.PendingPromiseChange;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseChangePage;
import dev.waitwell.workflows.delay.PromiseChangesTold;
import dev.waitwell.workflows.delay.PromiseReview;
import dev.waitwell.workflows.delay.PromiseReviewActivities;
import dev.waitwell.workflows.delay.PromiseReviewOutcome;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class PromiseReviewActivitiesTest extends DatabaseTest {

    private static final String REASON = "the supplier's shipment moved";

    @Autowired
    @Qualifier("promiseReviewActivities") PromiseReviewActivities reviews;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void preordersArePromisedTheProductsReleaseDateFromItsFirstMoment() {
        LocalDate release = today.plusDays(40);
        String sku = fixture.product(release);
        String promisedEarlier = promised(fixture.preorder(sku, 1), today.plusDays(30));
        promised(fixture.preorder(sku, 1), release);

        PromiseReviewOutcome outcome = reviews.review(new PromiseReview("product-" + sku + "-1", sku, REASON));

        assertThat(outcome).isEqualTo(new PromiseReviewOutcome("product-" + sku + "-1", sku, 1));
        assertThat(reviews.changes(new PromiseChangePage("product-" + sku + "-1", 0, 10)))
                .extracting(PendingPromiseChange::orderId, PendingPromiseChange::change)
                .containsExactly(tuple(
                        promisedEarlier,
                        new PromiseChange(
                                "review/product-" + sku + "-1",
                                release,
                                release.atStartOfDay(ZoneOffset.UTC).toInstant(),
                                REASON)));
    }

    @Test
    void backordersArePromisedByQueuePositionAgainstPurchaseOrdersAndUnknownBeyondThem() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
        String sku = fixture.stockedProduct(0);
        purchaseOrder(sku, 3, today.plusDays(14));
        purchaseOrder(sku, 3, today.plusDays(30));
        String first = promised(fixture.backorder(sku, 2, 0, t0), today.plusDays(16));
        String second = promised(fixture.backorder(sku, 2, 0, t0.plusSeconds(1)), today.plusDays(16));
        String third = promised(fixture.backorder(sku, 3, 0, t0.plusSeconds(2)), today.plusDays(20));
        String urgent = promised(fixture.backorder(sku, 1, 5, t0.plusSeconds(3)), today.plusDays(40));

        PromiseReviewOutcome outcome = reviews.review(new PromiseReview("po-1-" + sku, sku, REASON));

        assertThat(outcome.ordersChanged()).isEqualTo(3);
        assertThat(changes("po-1-" + sku))
                .containsExactly(
                        urgent + " " + today.plusDays(16), second + " " + today.plusDays(32), third + " unknown");
        assertThat(changes("po-1-" + sku)).noneMatch(change -> change.startsWith(first));
        assertThat(jdbc.sql("SELECT promised_date FROM orders WHERE order_id = ?")
                        .param(second)
                        .query(LocalDate.class)
                        .single())
                .as("the workflow records the promise, not the review")
                .isEqualTo(today.plusDays(16));
    }

    @Test
    void restockEtaStandsInWhenNoPurchaseOrderCoversTheOrder() {
        String sku = fixture.stockedProduct(0);
        jdbc.sql("UPDATE products SET restock_eta = ? WHERE sku = ?")
                .params(today.plusDays(50), sku)
                .update();
        String orderId = promised(fixture.backorder(sku, 1), null);

        reviews.review(new PromiseReview("eta-" + sku, sku, REASON));

        assertThat(changes("eta-" + sku)).containsExactly(orderId + " " + today.plusDays(52));
    }

    @Test
    void nothingIsRecordedWhenNoPromiseChanged() {
        String sku = fixture.stockedProduct(0);
        purchaseOrder(sku, 5, today.plusDays(14));
        promised(fixture.backorder(sku, 2), today.plusDays(16));
        String cancelled = promised(fixture.backorder(sku, 2), today);
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE order_id = ?")
                .param(cancelled)
                .update();

        assertThat(reviews.review(new PromiseReview("po-2-" + sku, sku, REASON)).ordersChanged())
                .isZero();
        assertThat(changes("po-2-" + sku)).isEmpty();
    }

    @Test
    void theSameReviewTwiceRecordsItsChangesOnce() {
        String sku = fixture.stockedProduct(0);
        promised(fixture.backorder(sku, 1), today.plusDays(10));
        promised(fixture.backorder(sku, 1), today.plusDays(10));
        PromiseReview review = new PromiseReview("receipt-" + sku + "-7", sku, REASON);

        PromiseReviewOutcome first = reviews.review(review);
        promised(fixture.backorder(sku, 1), today.plusDays(10));
        PromiseReviewOutcome again = reviews.review(review);

        assertThat(again).isEqualTo(first);
        assertThat(first.ordersChanged()).isEqualTo(2);
        assertThat(changes(review.reviewId())).hasSize(2);
    }

    @Test
    void changesToldAndChangesOfClosedOrdersAreLeftOutOfALaterRun() {
        String sku = fixture.stockedProduct(0);
        String told = promised(fixture.backorder(sku, 1), today);
        String untold = promised(fixture.backorder(sku, 1), today);
        String cancelled = promised(fixture.backorder(sku, 1), today);
        reviews.review(new PromiseReview("told-" + sku, sku, REASON));
        List<PendingPromiseChange> all = reviews.changes(new PromiseChangePage("told-" + sku, 0, 10));
        assertThat(all).hasSize(3);

        reviews.changesTold(new PromiseChangesTold(
                "told-" + sku,
                all.stream()
                        .filter(c -> c.orderId().equals(told))
                        .map(PendingPromiseChange::id)
                        .toList()));
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE order_id = ?")
                .param(cancelled)
                .update();

        assertThat(reviews.changes(new PromiseChangePage("told-" + sku, 0, 10)))
                .extracting(PendingPromiseChange::orderId)
                .containsExactly(untold);
    }

    @Test
    void changesAreReadPageByPageInIdOrder() {
        String sku = fixture.stockedProduct(0);
        for (int i = 0; i < 5; i++) {
            promised(fixture.backorder(sku, 1), today);
        }
        reviews.review(new PromiseReview("paged-" + sku, sku, REASON));

        List<PendingPromiseChange> page1 = reviews.changes(new PromiseChangePage("paged-" + sku, 0, 2));
        List<PendingPromiseChange> page2 = reviews.changes(
                new PromiseChangePage("paged-" + sku, page1.get(1).id(), 2));
        List<PendingPromiseChange> page3 = reviews.changes(
                new PromiseChangePage("paged-" + sku, page2.get(1).id(), 2));

        assertThat(page1).hasSize(2);
        assertThat(page2).hasSize(2);
        assertThat(page3).hasSize(1);
        assertThat(page1.get(0).id())
                .isLessThan(page1.get(1).id())
                .isLessThan(page2.get(0).id());
        assertThat(page3.get(0).change().newDate()).isNull();
    }

    @Test
    void reviewOfAnUnknownProductFailsForGood() {
        assertThatThrownBy(() -> reviews.review(new PromiseReview("x-1", "NO-SUCH-SKU", REASON)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("PRODUCT_NOT_FOUND");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
    }

    private String promised(String orderId, LocalDate date) {
        jdbc.sql("UPDATE orders SET promised_date = ? WHERE order_id = ?")
                .param(1, date, java.sql.Types.DATE)
                .param(2, orderId)
                .update();
        return orderId;
    }

    private void purchaseOrder(String sku, int quantity, LocalDate expected) {
        jdbc.sql("""
                        INSERT INTO purchase_orders (id, supplier, sku, quantity, expected_date)
                        VALUES (?, 'Acme Optics', ?, ?, ?)""")
                .params("PO-" + java.util.UUID.randomUUID().toString().substring(0, 8), sku, quantity, expected)
                .update();
    }

    private List<String> changes(String reviewId) {
        return reviews.changes(new PromiseChangePage(reviewId, 0, 100)).stream()
                .map(c -> c.orderId() + " "
                        + (c.change().newDate() == null ? "unknown" : c.change().newDate()))
                .toList();
    }
}
