package dev.waitwell.api.ledger;

import java.util.List;

record LedgerReport(List<Balance> balances, boolean balanced) {

    static LedgerReport of(List<Balance> balances) {
        return new LedgerReport(balances, balances.stream().allMatch(Balance::balanced));
    }
}
