package dev.waitwell.api.customer;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.payment.WaitingCharges;
import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The customer back from their bank's page, where Stripe sent them with the PaymentIntent's id. When it names this
 * order's charge that waits on the bank, the order is told to check it: its activity asks Stripe, so the query
 * parameters are a hint that moves no money. Anyone holding the link can reload it, and each signal costs the order
 * an activity, a read at Stripe and history, so it is bounded: once per PaymentIntent every {@link #QUIET_PERIOD},
 * and each signal counts against the client address's and the order's customer rate limits like the page's forms.
 * Within the quiet period or over a limit the page renders as usual and tells nobody: Stripe's webhook tells the
 * order too.
 *
 * <p>The last signals are remembered in this instance's memory, like the rate limits: with several instances a
 * PaymentIntent may be signalled once by each, which is still bounded. PostgreSQL would make it one, for a write on
 * every return and a table of its own.
 */
@Component
class BankReturns {

    static final Duration QUIET_PERIOD = Duration.ofSeconds(30);
    // Far more PaymentIntents than customers come back from their bank within the quiet period: about 1 MB at most.
    private static final int REMEMBERED = 10_000;
    private static final Pattern PAYMENT_INTENT = Pattern.compile("pi_[A-Za-z0-9_]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(BankReturns.class);

    private final WaitingCharges waitingCharges;
    private final RateLimits rateLimits;
    private final RecentSignals recentSignals;
    private final StaffActions staffActions;

    BankReturns(WaitingCharges waitingCharges, RateLimits rateLimits, StaffActions staffActions, Clock clock) {
        this.waitingCharges = waitingCharges;
        this.rateLimits = rateLimits;
        this.staffActions = staffActions;
        this.recentSignals = new RecentSignals(clock, QUIET_PERIOD, REMEMBERED);
    }

    /**
     * @return whether a waiting charge of the order was named: the page then says that the payment is being checked
     *     (also when this return did not signal: the order was told moments ago, or Stripe's webhook tells it)
     */
    boolean returned(HttpServletRequest request, String orderId, String paymentIntent, String redirectStatus) {
        if (paymentIntent == null || !PAYMENT_INTENT.matcher(paymentIntent).matches()) {
            return false;
        }
        Optional<WaitingCharges.WaitingCharge> charge = waitingCharges.ofOrder(orderId, paymentIntent);
        if (charge.isEmpty()) {
            return false;
        }
        if (!recentSignals.claim(paymentIntent)) {
            log.info("Order {}: back from the bank again within {}; the order was told already", orderId, QUIET_PERIOD);
            return true;
        }
        if (!rateLimits.tryAcquireForCustomer(request, orderId)) {
            recentSignals.release(paymentIntent);
            log.warn("Order {}: back from the bank over the rate limit; not told now, Stripe's webhook will", orderId);
            return true;
        }
        try {
            waitingCharges.resolved(charge.get(), "succeeded".equals(redirectStatus));
            // The one GET that changes something: the order was asked to check its charge, on the link's word.
            staffActions.record(StaffAction.byCustomer(
                    "BANK_RETURN_SIGNALLED",
                    orderId,
                    paymentIntent + ("succeeded".equals(redirectStatus) ? " (succeeded)" : ""),
                    request.getRemoteAddr()));
        } catch (ApiException temporalAway) {
            log.warn(
                    "Order {}: back from the bank, but the order could not be told now; Stripe's webhook will",
                    orderId);
        }
        return true;
    }
}
