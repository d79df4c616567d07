package dev.waitwell.api.ledger;

import java.time.OffsetDateTime;

/** One line of a ledger transaction. Exactly one of {@code debit} and {@code credit} is non-zero. */
public record LedgerLine(
        OffsetDateTime at, String kind, String account, long debit, long credit, String currency, String memo) {}
