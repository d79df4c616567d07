package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SentAtOnce;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResolution;
import dev.waitwell.workflows.payment.PaymentIssue;
import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * A bank that asks the customer to authenticate (SCA, 3-D Secure): the order waits in AWAITING_PAYMENT under the
 * charge's key, says why, and goes on once the charge is resolved; it never charges a second time for it.
 */
class PaymentAuthenticationWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = OrderFixtures.withSearchAttributes(
                    TestWorkflowExtension.newBuilder())
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final RebuiltOrderWorkflowTest.RecordingTimeline timeline =
            new RebuiltOrderWorkflowTest.RecordingTimeline();
    private final FakePayments payments = new FakePayments().writingEventsTo(timeline);
    private final NotificationActivities notifications =
            mock(NotificationActivities.class, withSettings().withoutAnnotations());

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
        InventoryActivities inventory =
                mock(InventoryActivities.class, withSettings().withoutAnnotations());
        when(inventory.releaseUnits(any())).thenReturn(new ReturnedUnits(0, null));
        when(inventory.allocationsOf(any())).thenReturn(new OrderAllocations(0, List.of()));
        worker.registerActivitiesImplementations(
                payments,
                notifications,
                new SentAtOnce(notifications),
                inventory,
                mock(OrderActivities.class, withSettings().withoutAnnotations()),
                timeline,
                mock(LedgerActivities.class, withSettings().withoutAnnotations()),
                mock(DelayActivities.class, withSettings().withoutAnnotations()));
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void aDepositTheBankWantsConfirmedWaitsThenGoesOnUnderTheSameKey() {
        OrderWorkflow order = place("o-sca", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);

        OrderState waiting = order.awaitCheckout();

        assertThat(waiting.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(waiting.paid()).isZero();
        assertThat(waiting.paymentIssue().code()).isEqualTo(PaymentIssue.AUTHENTICATION_REQUIRED);
        assertThat(waiting.paymentIssue().actionUrl()).isEqualTo("https://bank.test/confirm/o-sca/charge/deposit-1");
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().waitingFor()).isEqualTo("the customer's confirmation with their bank");
        assertThat(sentKeys()).contains("PAYMENT_ACTION_REQUIRED-DEPOSIT").doesNotContain("CONFIRMED");

        payments.authenticate("o-sca/charge/deposit-1");
        order.chargeResolved(new ChargeResolution("o-sca/charge/deposit-1", true));
        env.sleep(Duration.ofMinutes(1));

        OrderState state = order.state();
        assertThat(state.status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(state.paid()).isEqualTo(5_000);
        assertThat(state.paymentIssue()).isNull();
        assertThat(payments.charged).containsOnlyKeys("o-sca/charge/deposit-1");
        assertThat(sentKeys()).contains("CONFIRMED");
    }

    @Test
    void onlyTheFirstCheckoutAttemptIsMadeWithTheCustomerPresent() {
        OrderWorkflow order = place("o-present", PaymentPlan.DEPOSIT, "pm_card_visa");
        order.awaitCheckout();
        order.productReleased();
        env.sleep(Duration.ofMinutes(1));

        assertThat(payments.charged.values())
                .extracting(ChargeRequest::step, ChargeRequest::customerPresent, ChargeRequest::returnUrl)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deposit-1", true, "https://shop.test/c/orders/o-present"),
                        org.assertj.core.groups.Tuple.tuple(
                                "balance-2", false, "https://shop.test/c/orders/o-present"));
    }

    @Test
    void aResolutionOfAnotherChargeChangesNothing() {
        OrderWorkflow order = place("o-other", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-other/charge/deposit-1");

        order.chargeResolved(new ChargeResolution("o-other/charge/balance-7", true));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(payments.charged).isEmpty();
    }

    @Test
    void supportsRetryChecksTheWaitingChargeAgainRatherThanChargingAnew() {
        OrderWorkflow order = place("o-retry", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-retry/charge/deposit-1");

        OrderState state = order.retryPayment(new PaymentRetry("support"));

        assertThat(state.paid()).isEqualTo(5_000);
        assertThat(payments.charged).containsOnlyKeys("o-retry/charge/deposit-1");
    }

    @Test
    void aNewPaymentMethodReplacesTheChargeThatWaitsOnTheBankWhichIsCancelledFirst() {
        OrderWorkflow order = place("o-new-card", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();

        OrderState state = order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", "customer"));

        assertThat(state.paid()).isEqualTo(5_000);
        assertThat(payments.cancelledWaiting).containsExactly("o-new-card/charge/deposit-1");
        assertThat(payments.charged).containsOnlyKeys("o-new-card/charge/deposit-2");
        assertThat(payments.charged.get("o-new-card/charge/deposit-2").customerPresent())
                .as("the customer gave the card on their own page")
                .isTrue();
    }

    @Test
    void aCardTheCustomerConfirmedJustBeforeGivingANewOneCountsAndTheNewOneIsNotCharged() {
        OrderWorkflow order = place("o-both", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-both/charge/deposit-1");

        OrderState state = order.changePaymentMethod(new PaymentMethodChange("pm_card_visa", "customer"));

        assertThat(state.paid()).isEqualTo(5_000);
        assertThat(payments.charged).containsOnlyKeys("o-both/charge/deposit-1");
    }

    @Test
    void aCancelledOrderLetsGoOfTheChargeThatWaitsOnTheBankAndShowsNoIssue() {
        OrderWorkflow order = place("o-cancel", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();

        OrderState cancelled =
                order.cancel(new dev.waitwell.workflows.lifecycle.CancellationRequest("changed my mind", "customer"));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.paymentIssue()).isNull();
        assertThat(payments.cancelledWaiting).containsExactly("o-cancel/charge/deposit-1");
        assertThat(payments.charged).isEmpty();
    }

    @Test
    void aChargeTheCustomerConfirmedJustBeforeTheCancellationIsRefunded() {
        OrderWorkflow order = place("o-late", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-late/charge/deposit-1");

        OrderState cancelled =
                order.cancel(new dev.waitwell.workflows.lifecycle.CancellationRequest("changed my mind", "customer"));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.paid()).isEqualTo(5_000);
        assertThat(cancelled.refunded()).isEqualTo(5_000);
        assertThat(payments.cancelledWaiting).isEmpty();
    }

    @Test
    void aChargeFoundPaidAsItIsLetGoOfHasItsEntryOnceUnderTheKeySetAsideForIt() {
        OrderWorkflow order = place("o-late-entry", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-late-entry/charge/deposit-1");

        order.cancel(new dev.waitwell.workflows.lifecycle.CancellationRequest("changed my mind", "customer"));

        assertThat(timeline.keys)
                .filteredOn(key -> key.startsWith("event:PAYMENT_CHARGED"))
                .containsExactly("event:PAYMENT_CHARGED#1");
    }

    @Test
    void aChargeFoundPaidWhileANewCardReplacedItCountsOnceAndTheBalanceIsStillCharged() throws Exception {
        OrderWorkflow order = place("o-slow-check", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-slow-check/charge/deposit-1");
        // The check of the waiting charge: the processor does not answer within the local activity's minute, so it
        // goes on as an activity, which is held while the customer's new card comes.
        payments.unsettledNext = 1;
        java.util.concurrent.CountDownLatch checkHeld = new java.util.concurrent.CountDownLatch(1);
        payments.chargesHeld = checkHeld;

        order.chargeResolved(new ChargeResolution("o-slow-check/charge/deposit-1", true));
        assertThat(payments.chargesWaiting.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        var changing = io.temporal.client.WorkflowStub.fromTyped(order)
                .startUpdate(
                        "changePaymentMethod",
                        io.temporal.client.WorkflowUpdateStage.ACCEPTED,
                        OrderState.class,
                        new PaymentMethodChange("pm_card_visa", "support"));
        payments.chargesHeld = null;
        checkHeld.countDown();
        assertThat(changing.getResult().paymentIssue()).isNull();
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().paid()).isEqualTo(5_000);

        order.productReleased();
        env.sleep(Duration.ofMinutes(1));

        OrderState released = order.state();
        assertThat(released.paid()).isEqualTo(25_000);
        assertThat(payments.charged.values())
                .extracting(ChargeRequest::purpose, ChargeRequest::paymentMethod)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                dev.waitwell.workflows.payment.ChargePurpose.DEPOSIT,
                                FakePayments.AUTHENTICATING_METHOD),
                        org.assertj.core.groups.Tuple.tuple(
                                dev.waitwell.workflows.payment.ChargePurpose.BALANCE, "pm_card_visa"));
        assertThat(payments.cancelledWaiting).isEmpty();
        assertThat(timeline.keys)
                .filteredOn(key -> key.startsWith("event:PAYMENT_CHARGED"))
                .hasSize(2);
    }

    @Test
    void whenTheGracePeriodEndsAChargeTheCustomerConfirmedAfterAllCounts() {
        OrderWorkflow order = place("o-last-minute", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();
        payments.authenticate("o-last-minute/charge/deposit-1"); // no webhook came, the customer never returned

        env.sleep(Duration.ofDays(8));

        OrderState state = order.state();
        assertThat(state.status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(state.paid()).isEqualTo(5_000);
    }

    @Test
    void anOrderWhoseCustomerNeverConfirmsIsCancelledWhenTheGracePeriodEnds() {
        OrderWorkflow order = place("o-silent", PaymentPlan.DEPOSIT, FakePayments.AUTHENTICATING_METHOD);
        order.awaitCheckout();

        env.sleep(Duration.ofDays(8));

        OrderState state = order.state();
        assertThat(state.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(state.cancellationReason()).contains("payment not received");
        assertThat(state.paymentIssue()).isNull();
        assertThat(payments.charged).isEmpty();
        assertThat(payments.cancelledWaiting).containsExactly("o-silent/charge/deposit-1");
    }

    @Test
    void aPayLaterCheckoutSavesTheMethodAndTheBalanceMayWaitOnTheBankToo() {
        OrderWorkflow order = place("o-later", PaymentPlan.PAY_LATER, FakePayments.AUTHENTICATING_METHOD);
        assertThat(order.awaitCheckout().status()).isEqualTo(OrderStatus.AWAITING_RELEASE);
        assertThat(payments.saved).singleElement().satisfies(saved -> {
            assertThat(saved.paymentMethod()).isEqualTo(FakePayments.AUTHENTICATING_METHOD);
            assertThat(saved.returnUrl()).isEqualTo("https://shop.test/c/orders/o-later");
        });

        order.productReleased();
        env.sleep(Duration.ofMinutes(1));
        assertThat(order.state().paymentIssue().code()).isEqualTo(PaymentIssue.AUTHENTICATION_REQUIRED);
        assertThat(sentKeys()).contains("PAYMENT_ACTION_REQUIRED-BALANCE");

        payments.authenticate("o-later/charge/balance-1");
        order.chargeResolved(new ChargeResolution("o-later/charge/balance-1", true));
        env.sleep(Duration.ofMinutes(1));

        assertThat(order.state().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(order.state().paid()).isEqualTo(25_000);
    }

    private OrderWorkflow place(String orderId, PaymentPlan plan, String method) {
        return place(orderId, plan, method, WorkflowOptions.newBuilder(options));
    }

    private OrderWorkflow place(String orderId, PaymentPlan plan, String method, WorkflowOptions.Builder run) {
        OrderWorkflow order = client.newWorkflowStub(
                OrderWorkflow.class,
                run.setWorkflowId(OrderWorkflowIds.of(orderId)).build());
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        WorkflowClient.start(order::fulfil, OrderFixtures.preorder(orderId, plan, method, now, Duration.ofDays(30), 1));
        return order;
    }

    private List<String> sentKeys() {
        ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
        verify(notifications, org.mockito.Mockito.atLeast(0)).notify(sent.capture());
        return sent.getAllValues().stream().map(NotificationRequest::key).toList();
    }
}
