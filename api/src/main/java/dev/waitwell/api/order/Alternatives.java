package dev.waitwell.api.order;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.Bounds;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alternatives a delayed order can switch to: products on its product's {@code alternatives} list, priced
 * in the order's currency within the most one order may cost, with the order's units free on hand now.
 */
@Component
class Alternatives {

    private static final String OFFERED = """
            SELECT a.sku, a.name, a.price_minor AS unit_price, a.currency,
                   a.currency = :currency AS same_currency,
                   a.price_minor::numeric * :quantity <= :maxTotal AS within_total,
                   a.on_hand >= :quantity AND NOT EXISTS (SELECT 1 FROM order_stock w
                                                           WHERE w.sku = a.sku AND w.state = 'WAITING') AS in_stock
              FROM products p JOIN products a ON a.sku = ANY (p.alternatives) AND a.sku <> p.sku
             WHERE p.sku = :sku""";

    private final JdbcClient jdbc;

    Alternatives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Offered(
            String sku,
            String name,
            long unitPrice,
            String currency,
            boolean sameCurrency,
            boolean withinTotal,
            boolean inStock) {

        DecisionView.Alternative alternative() {
            return new DecisionView.Alternative(sku, name, unitPrice, currency);
        }
    }

    /** The alternatives of {@code sku} the order can switch to now, in the product's order. */
    List<DecisionView.Alternative> inStock(String sku, int quantity, String currency) {
        return offered(sku, quantity, currency).stream()
                .filter(offered -> offered.sameCurrency() && offered.withinTotal() && offered.inStock())
                .map(Offered::alternative)
                .toList();
    }

    /**
     * The alternative, checked: on the product's list, in the order's currency, with the units free on hand.
     *
     * @throws ApiException 409 ALTERNATIVE_NOT_AVAILABLE saying which of these fails
     */
    DecisionView.Alternative require(String sku, String alternativeSku, int quantity, String currency) {
        Offered offered = offered(sku, quantity, currency).stream()
                .filter(candidate -> candidate.sku().equals(alternativeSku))
                .findFirst()
                .orElseThrow(() -> notAvailable(alternativeSku + " is not an alternative of " + sku + "."));
        if (!offered.sameCurrency()) {
            throw notAvailable(
                    alternativeSku + " is priced in " + offered.currency() + ", the order in " + currency + ".");
        }
        if (!offered.withinTotal()) {
            throw notAvailable(alternativeSku + " would make the order cost more than " + Bounds.MAX_ORDER_TOTAL_MINOR
                    + " (minor units), the most one order may.");
        }
        if (!offered.inStock()) {
            throw notAvailable(alternativeSku + " does not have " + quantity + " unit(s) free in stock now.");
        }
        return offered.alternative();
    }

    private List<Offered> offered(String sku, int quantity, String currency) {
        return jdbc.sql(OFFERED + " ORDER BY array_position(p.alternatives, a.sku::text)")
                .param("currency", currency)
                .param("quantity", quantity)
                .param("maxTotal", Bounds.MAX_ORDER_TOTAL_MINOR)
                .param("sku", sku)
                .query(Offered.class)
                .list();
    }

    private static ApiException notAvailable(String detail) {
        return ApiException.conflict(ProblemCodes.ALTERNATIVE_NOT_AVAILABLE, detail + " Nothing was changed.");
    }
}
