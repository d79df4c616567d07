package dev.waitwell.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "Balances per currency (ADMIN, OPS)")
    @GetMapping("/admin/v1/ledger")
    LedgerReport balances() {
        return LedgerReport.of(ledger.balances());
    }
}
