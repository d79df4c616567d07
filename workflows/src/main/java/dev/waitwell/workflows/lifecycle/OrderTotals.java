package dev.waitwell.workflows.lifecycle;

import dev.waitwell.workflows.shared.Money;

/**
 * An order's money so far, in exact minor units of its currency: what was charged, what was refunded, and
 * what that leaves. Pure arithmetic, so that every rule about what is due reads the same numbers: the balance
 * on release, the charge on allocation, the difference of a switch, the revenue at shipment.
 */
public final class OrderTotals {

    private final String currency;
    private long paid;
    private long refunded;

    public OrderTotals(String currency, long paid, long refunded) {
        this.currency = Money.of(0, currency).currency();
        if (paid < 0 || refunded < 0) {
            throw new IllegalArgumentException("paid and refunded must not be negative");
        }
        this.paid = paid;
        this.refunded = refunded;
    }

    /** A charge went through. */
    public void charged(Money amount) {
        paid = Math.addExact(paid, inCurrency(amount).amountMinor());
    }

    /** Money went back to the customer. */
    public void refunded(Money amount) {
        refunded = Math.addExact(refunded, inCurrency(amount).amountMinor());
    }

    /** What the customer has paid and not had back. */
    public Money netPaid() {
        return Money.of(Math.subtractExact(paid, refunded), currency);
    }

    /**
     * What the customer still owes for {@code total}: positive to charge, negative when they paid more than it
     * (a switch to a cheaper item), zero when settled.
     */
    public Money due(Money total) {
        return inCurrency(total).minus(netPaid());
    }

    public long paid() {
        return paid;
    }

    public long refunded() {
        return refunded;
    }

    public String currency() {
        return currency;
    }

    private Money inCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException("the order is in " + currency + ", not " + amount.currency());
        }
        return amount;
    }
}
