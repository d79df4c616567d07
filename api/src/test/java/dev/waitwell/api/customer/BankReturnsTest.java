package dev.waitwell.api.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.payment.WaitingCharges;
import dev.waitwell.api.ratelimit.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The return from the bank tells the order at most once per PaymentIntent every 30 seconds, within its rate limit. */
class BankReturnsTest {

    private static final String ORDER = "o-1";
    private static final String PAYMENT_INTENT = "pi_o_1_charge_full_1";
    private static final WaitingCharges.WaitingCharge CHARGE =
            new WaitingCharges.WaitingCharge(ORDER, "o-1/charge/full-1");

    private final MovableClock clock = new MovableClock(Instant.parse("2027-06-01T10:00:00Z"));
    private final WaitingCharges waitingCharges = mock(WaitingCharges.class);
    private final RateLimits rateLimits = mock(RateLimits.class);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/c/orders/" + ORDER);
    private final StaffActions staffActions = mock(StaffActions.class);
    private final BankReturns returns = new BankReturns(waitingCharges, rateLimits, staffActions, clock);

    @BeforeEach
    void aChargeWaitsOnTheBank() {
        request.setRemoteAddr("203.0.113.9");
        when(waitingCharges.ofOrder(ORDER, PAYMENT_INTENT)).thenReturn(Optional.of(CHARGE));
        when(rateLimits.tryAcquireForCustomer(request, ORDER)).thenReturn(true);
    }

    @Test
    void aReloadWithin30SecondsTellsTheOrderNothingMore() {
        assertThat(returns.returned(request, ORDER, PAYMENT_INTENT, "succeeded"))
                .isTrue();
        clock.advance(Duration.ofSeconds(29));

        assertThat(returns.returned(request, ORDER, PAYMENT_INTENT, "succeeded"))
                .isTrue();

        verify(waitingCharges, times(1)).resolved(CHARGE, true);
        verify(rateLimits, times(1)).tryAcquireForCustomer(request, ORDER);
        verify(staffActions, times(1))
                .record(StaffAction.byCustomer(
                        "BANK_RETURN_SIGNALLED", ORDER, PAYMENT_INTENT + " (succeeded)", "203.0.113.9"));
    }

    @Test
    void after30SecondsAReturnTellsTheOrderAgain() {
        returns.returned(request, ORDER, PAYMENT_INTENT, "succeeded");
        clock.advance(Duration.ofSeconds(30));

        assertThat(returns.returned(request, ORDER, PAYMENT_INTENT, "failed")).isTrue();

        verify(waitingCharges).resolved(CHARGE, true);
        verify(waitingCharges).resolved(CHARGE, false);
    }

    @Test
    void overTheRateLimitNothingIsSignalledAndTheNextAllowedReturnIs() {
        when(rateLimits.tryAcquireForCustomer(request, ORDER)).thenReturn(false, true);

        assertThat(returns.returned(request, ORDER, PAYMENT_INTENT, "succeeded"))
                .isTrue();
        verify(waitingCharges, never()).resolved(any(), anyBoolean());
        verify(staffActions, never()).record(any());

        clock.advance(Duration.ofSeconds(1));
        returns.returned(request, ORDER, PAYMENT_INTENT, "succeeded");
        verify(waitingCharges).resolved(CHARGE, true);
    }

    @Test
    void aPaymentIntentThatNamesNoWaitingChargeOfTheOrderCountsNothingAndTellsNobody() {
        when(waitingCharges.ofOrder(eq(ORDER), any())).thenReturn(Optional.empty());

        assertThat(returns.returned(request, ORDER, "pi_of_another_order", "succeeded"))
                .isFalse();
        assertThat(returns.returned(request, ORDER, "not-a-payment-intent", "succeeded"))
                .isFalse();

        verify(rateLimits, never()).tryAcquireForCustomer(any(), any());
        verify(waitingCharges, never()).resolved(any(), anyBoolean());
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
