package dev.waitwell.api.ledger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@ApiTest
class LedgerControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyLedger() {
        jdbc.sql("DELETE FROM ledger_lines").update();
        jdbc.sql("DELETE FROM ledger_transactions").update();
    }

    @Test
    void reportsBalancesPerCurrencyAndThatTheyBalance() throws Exception {
        // a EUR deposit of 30.00, 10.00 of it refunded, then 20.00 recognised as revenue; a USD payment of 5.00
        post("p1", "PAYMENT", "EUR", "cash", 3_000, "customerDeposits");
        post("r1", "REFUND", "EUR", "customerDeposits", 1_000, "cash");
        post("v1", "REVENUE", "EUR", "customerDeposits", 2_000, "revenue");
        post("p2", "PAYMENT", "USD", "cash", 500, "customerDeposits");

        mvc.perform(get("/admin/v1/ledger").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanced").value(true))
                .andExpect(jsonPath("$.balances[0].currency").value("EUR"))
                .andExpect(jsonPath("$.balances[0].cash").value(2_000))
                .andExpect(jsonPath("$.balances[0].customerDeposits").value(0))
                .andExpect(jsonPath("$.balances[0].revenue").value(2_000))
                .andExpect(jsonPath("$.balances[1].currency").value("USD"))
                .andExpect(jsonPath("$.balances[1].cash").value(500))
                .andExpect(jsonPath("$.balances[1].customerDeposits").value(500));
    }

    @Test
    void reportsAnEmptyLedgerAsBalanced() throws Exception {
        mvc.perform(get("/admin/v1/ledger").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balances").isEmpty())
                .andExpect(jsonPath("$.balanced").value(true));
    }

    private void post(
            String key, String kind, String currency, String debitAccount, long amount, String creditAccount) {
        transaction.executeWithoutResult(status -> {
            long id = jdbc.sql("INSERT INTO ledger_transactions (posting_key, kind, currency, memo) "
                            + "VALUES (?, ?, ?, 'test') RETURNING id")
                    .params(key, kind, currency)
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, debit_minor) VALUES (?, ?, ?)")
                    .params(id, debitAccount, amount)
                    .update();
            jdbc.sql("INSERT INTO ledger_lines (transaction_id, account, credit_minor) VALUES (?, ?, ?)")
                    .params(id, creditAccount, amount)
                    .update();
        });
    }
}
