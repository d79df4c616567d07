package dev.waitwell.activities.ledger;

import java.util.Objects;

/** One side of a posting: an account debited or credited, in minor units. */
public record LedgerLine(Account account, long debitMinor, long creditMinor) {

    public LedgerLine {
        Objects.requireNonNull(account, "account");
        if (debitMinor < 0 || creditMinor < 0 || (debitMinor == 0) == (creditMinor == 0)) {
            throw new IllegalArgumentException("a line debits or credits a positive amount, not both");
        }
    }

    public static LedgerLine debit(Account account, long amountMinor) {
        return new LedgerLine(account, amountMinor, 0);
    }

    public static LedgerLine credit(Account account, long amountMinor) {
        return new LedgerLine(account, 0, amountMinor);
    }
}
