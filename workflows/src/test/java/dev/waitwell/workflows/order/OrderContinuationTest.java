package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.waitwell.workflows.delay.CarriedPromise;
import dev.waitwell.workflows.delay.OpenDecision;
import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.inventory.CarriedStock;
import dev.waitwell.workflows.lifecycle.OrderItem;
import dev.waitwell.workflows.lifecycle.OrderPhase;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.payment.CarriedPayments;
import dev.waitwell.workflows.payment.ChargePurpose;
import dev.waitwell.workflows.payment.OutstandingCharge;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What one run hands to the next must stay readable by the code that resumes it, which may be newer: the JSON
 * is the one Temporal's default converter writes, and continuations recorded by earlier code read back.
 */
class OrderContinuationTest {

    private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;

    @Test
    void aContinuationTravelsWithItsPhaseByNameAndReadsBackTheSame() {
        OrderContinuation continuation = new OrderContinuation(
                3,
                OrderPhase.RELEASE,
                OrderStatus.AWAITING_RELEASE,
                new OrderItem("CAM-1", "Camera One", Money.of(25_000, "USD")),
                false,
                false,
                false,
                7,
                new CarriedPayments("pm_card_visa", 5_000, 0, null, 1, 0),
                new CarriedStock(0, List.of(), false),
                new CarriedPromise(
                        LocalDate.parse("2027-06-08"),
                        Instant.parse("2027-06-01T00:00:00Z"),
                        Instant.parse("2027-05-20T00:00:00Z"),
                        0,
                        4,
                        0,
                        0,
                        null,
                        List.of("r1"),
                        List.of(new PromiseChange(
                                "r2",
                                LocalDate.parse("2027-06-18"),
                                Instant.parse("2027-06-11T00:00:00Z"),
                                "the factory is late"))));

        Payload payload = CONVERTER.toPayload(continuation).orElseThrow();

        assertThat(payload.getData().toStringUtf8())
                .contains("\"phase\":\"RELEASE\"")
                .doesNotContain("position");
        assertThat(CONVERTER.fromPayload(payload, OrderContinuation.class, OrderContinuation.class))
                .isEqualTo(continuation);
    }

    @Test
    void aRebuiltRunsContinuationReadsBackWithItsDecisionChargeAndCounts() {
        OrderContinuation continuation = new OrderContinuation(
                1,
                OrderPhase.STOCK,
                OrderStatus.AWAITING_PAYMENT,
                new OrderItem("CAM-1", "Camera One", Money.of(25_000, "USD")),
                false,
                true,
                false,
                9,
                new CarriedPayments("pm_card_visa", 5_000, 0, "Your card was declined.", 2, 0),
                new CarriedStock(1, List.of(4L), false),
                new CarriedPromise(null, null, null, 1, 2, 0, 1, "WAIT-1", List.of("c1"), List.of()),
                Instant.parse("2027-06-01T08:00:00Z"),
                new OpenDecision(
                        1,
                        LocalDate.parse("2027-07-01"),
                        "late ship",
                        List.of(DelayChoice.WAIT, DelayChoice.CANCEL),
                        Instant.parse("2027-06-05T00:00:00Z"),
                        true),
                new OutstandingCharge(
                        ChargePurpose.BALANCE, "balance-2", 20_000, Instant.parse("2027-05-30T00:00:00Z"), true),
                Map.of("status:AWAITING_STOCK", 2, "event:PAYMENT_DECLINED", 1),
                8_000);

        Payload payload = CONVERTER.toPayload(continuation).orElseThrow();

        assertThat(payload.getData().toStringUtf8())
                .contains("\"timelineCounts\":{\"event:PAYMENT_DECLINED\":1,\"status:AWAITING_STOCK\":2}");
        assertThat(CONVERTER.fromPayload(payload, OrderContinuation.class, OrderContinuation.class))
                .isEqualTo(continuation);
    }

    @ParameterizedTest
    @CsvSource({
        "v4-backorder-continued-as-new-run2.json, 2, STOCK",
        "v4-preorder-continued-as-new-run2.json, 2, RELEASE_REMINDER",
        "v4-preorder-continued-as-new-run5.json, 5, RELEASE",
        "v4-preorder-release-slip-carried-pending-run2.json, 2, RELEASE_REMINDER"
    })
    void readsTheContinuationsThatRecordedRunsStartedWith(String file, int run, OrderPhase phase) throws IOException {
        WorkflowExecutionHistory history =
                WorkflowExecutionHistory.fromJson(Files.readString(HistoryRecorder.HISTORIES.resolve(file)));

        PlaceOrderInput input = CONVERTER.fromPayloads(
                0,
                Optional.of(history.getEvents()
                        .get(0)
                        .getWorkflowExecutionStartedEventAttributes()
                        .getInput()),
                PlaceOrderInput.class,
                PlaceOrderInput.class);

        assertThat(input.continuation().run()).isEqualTo(run);
        assertThat(input.continuation().phase()).isEqualTo(phase);
    }

    @Test
    void listsLeftOutByTheWriterReadAsEmpty() {
        String json = """
                {"run":2,"phase":"STOCK","status":"AWAITING_STOCK",
                 "item":{"sku":"CAM-1","productName":"Camera One","unitPrice":{"amountMinor":25000,"currency":"USD"}},
                 "eventSequence":4,"payments":{"method":"pm_card_visa","paid":50000},
                 "stock":{"allocatedUnits":1},"delays":{"promisedDate":"2027-06-08"}}""";

        OrderContinuation read = CONVERTER.fromPayload(
                Payload.newBuilder()
                        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                        .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
                        .build(),
                OrderContinuation.class,
                OrderContinuation.class);

        assertThat(read.phase()).isEqualTo(OrderPhase.STOCK);
        assertThat(read.stock().allocationIds()).isEmpty();
        assertThat(read.delays().seenChangeIds()).isEmpty();
        assertThat(read.delays().pending()).isEmpty();
        assertThat(read.payments().attempts()).isZero();
    }
}
