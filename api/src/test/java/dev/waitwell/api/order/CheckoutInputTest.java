package dev.waitwell.api.order;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.workflows.order.CheckoutInputs;
import dev.waitwell.workflows.order.PlaceOrderInput;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The checkout input a rebuild starts from: kept when the API starts an order's workflow, the first one only, and
 * written by the recovery sweep for open orders placed before it was kept, with the promise checkout made even when
 * the order's promise has moved since.
 */
@ApiTest
class CheckoutInputTest {

    private static final LocalDate RELEASE = inDays(40);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient client;

    @Autowired
    CheckoutInputBackfill backfill;

    @Autowired
    OrderWorkflows workflows;

    @Autowired
    Orders orders;

    private String sku;

    @BeforeEach
    void newProduct() throws Exception {
        sku = unique("INP");
        mvc.perform(putProduct(sku, product(15_000, "EUR", RELEASE, null, 20))).andExpect(status().isCreated());
    }

    @Test
    void keepsTheInputTheOrdersWorkflowWasStartedWith() throws Exception {
        String orderId = place("inp-kept");

        assertThat(kept(orderId)).isEqualTo(startedWith(orderId));
        assertThat(kept(orderId).promisedDate()).isEqualTo(RELEASE);
    }

    @Test
    void fillsInTheCheckoutInputOfAnOrderPlacedBeforeWithThePromiseBeforeAReviewMovedIt() throws Exception {
        String orderId = place("inp-reviewed");
        PlaceOrderInput atCheckout = startedWith(orderId);
        placedBeforeInputsWereKept(orderId);
        String reviewId = unique("product-" + sku);
        jdbc.sql("INSERT INTO promise_reviews (review_id, sku, reason) VALUES (?, ?, 'release date moved')")
                .params(reviewId, sku)
                .update();
        jdbc.sql("""
                INSERT INTO promise_changes (review_id, order_id, previous_date, new_date, reason)
                VALUES (?, ?, ?, ?, 'release date moved')""").params(reviewId, orderId, RELEASE, RELEASE.plusDays(20)).update();
        promiseMoved(orderId, "promise/review/" + reviewId, RELEASE.plusDays(20));

        backfill.fillPlacedBefore(Instant.now().plusSeconds(1));

        PlaceOrderInput filled = kept(orderId);
        assertThat(filled).isEqualTo(atCheckout);
        assertThat(filled.promisedDate()).isEqualTo(RELEASE);
        assertThat(filled.releaseDate()).isEqualTo(RELEASE);
        assertThat(filled.releaseAt())
                .isEqualTo(RELEASE.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(filled.latestAcceptableDate()).isEqualTo(RELEASE.plusDays(90));
    }

    @Test
    void fillsInThePromiseThatPassedWhenTheOrdersFirstMoveWasItsExpiry() throws Exception {
        String orderId = place("inp-expired");
        PlaceOrderInput atCheckout = startedWith(orderId);
        placedBeforeInputsWereKept(orderId);
        promiseMoved(orderId, "promise/expired-" + RELEASE, null);

        backfill.fillPlacedBefore(Instant.now().plusSeconds(1));

        assertThat(kept(orderId)).isEqualTo(atCheckout);
    }

    @Test
    void keepsTheFirstInputAndNoneForFinishedOrders() throws Exception {
        String orderId = place("inp-first");
        PlaceOrderInput first = kept(orderId);
        promiseMoved(orderId, "promise/expired-" + RELEASE, null);
        workflows.start(orders.find(orderId).orElseThrow());
        assertThat(kept(orderId)).as("a second start keeps the first input").isEqualTo(first);

        String shipped = place("inp-shipped");
        placedBeforeInputsWereKept(shipped);
        jdbc.sql("UPDATE orders SET status = 'SHIPPED' WHERE order_id = ?")
                .param(shipped)
                .update();
        backfill.fillPlacedBefore(Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("SELECT workflow_input IS NULL FROM orders WHERE order_id = ?")
                        .param(shipped)
                        .query(Boolean.class)
                        .single())
                .as("a finished order is never rebuilt: no input")
                .isTrue();
    }

    private String place(String prefix) throws Exception {
        String orderId = unique(prefix);
        mvc.perform(placeOrder(order(orderId, sku, 1, "DEPOSIT", "pm_card_visa")))
                .andExpect(status().isCreated());
        return orderId;
    }

    private void placedBeforeInputsWereKept(String orderId) {
        jdbc.sql("UPDATE orders SET workflow_input = NULL WHERE order_id = ?")
                .param(orderId)
                .update();
    }

    /** What the order's workflow records when its promise moves: the new date and a PROMISE timeline entry. */
    private void promiseMoved(String orderId, String eventKey, LocalDate to) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, 'PROMISE', 'moved')")
                .params(orderId, eventKey)
                .update();
        jdbc.sql("UPDATE orders SET promised_date = ? WHERE order_id = ?")
                .param(1, to, java.sql.Types.DATE)
                .param(2, orderId)
                .update();
    }

    private PlaceOrderInput kept(String orderId) {
        String json = jdbc.sql("SELECT workflow_input::text FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
        assertThat(json).as("kept input of " + orderId).isNotNull();
        return CheckoutInputs.fromJson(json);
    }

    /** The input in the first event of the order's workflow history. */
    private PlaceOrderInput startedWith(String orderId) {
        var input = client.fetchHistory(OrderWorkflowIds.of(orderId))
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput();
        return DefaultDataConverter.newDefaultInstance()
                .fromPayloads(0, Optional.of(input), PlaceOrderInput.class, PlaceOrderInput.class);
    }
}
