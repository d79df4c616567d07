package dev.waitwell.api.security;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call each endpoint, written down once for {@link RoleEndpointMatrixTest}: the roles of docs/api.md, checked
 * against the running security rules. A caller is a test user named after its role, or nobody ({@link #ANONYMOUS}).
 */
final class EndpointRoles {

    static final String ANONYMOUS = "anonymous";
    static final String ADMIN = "admin";
    static final String SUPPORT = "support";
    static final String OPS = "ops";
    static final String STOREFRONT = "shop";

    static final List<String> CALLERS = List.of(ANONYMOUS, ADMIN, SUPPORT, OPS, STOREFRONT);
    static final Map<String, String> PASSWORDS =
            Map.of(ADMIN, "admin", SUPPORT, "support", OPS, "ops", STOREFRONT, "shop");

    /** Open to anyone: each checks its own key (the customer's signed link, Twilio's or Stripe's signature). */
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, ADMIN, SUPPORT, OPS, STOREFRONT);

    private static final Set<String> STAFF_READ = Set.of(ADMIN, SUPPORT, OPS);
    private static final Set<String> STAFF_ACT = Set.of(ADMIN, SUPPORT);
    private static final Set<String> ADMIN_ONLY = Set.of(ADMIN);
    private static final Set<String> FIGURES = Set.of(ADMIN, OPS);

    static final Map<String, Set<String>> ALL = Map.ofEntries(
            // The shop's checkout.
            entry("POST /api/v1/orders", Set.of(STOREFRONT, ADMIN)),
            entry("GET /api/v1/orders/{orderId}", Set.of(STOREFRONT, ADMIN, SUPPORT, OPS)),
            entry("PUT /api/v1/orders/{orderId}/payment-method", Set.of(STOREFRONT, SUPPORT)),
            // The customer, with the token of their link.
            entry("GET /c/orders/{orderId}", EVERYONE),
            entry("POST /c/orders/{orderId}/decision", EVERYONE),
            entry("POST /c/orders/{orderId}/payment-method", EVERYONE),
            entry("POST /c/v1/orders/{orderId}/decision", EVERYONE),
            entry("POST /c/orders/{orderId}/survey", EVERYONE),
            entry("POST /c/v1/orders/{orderId}/survey", EVERYONE),
            // Signed callbacks.
            entry("POST /webhooks/twilio/status", EVERYONE),
            entry("POST /webhooks/twilio/inbound", EVERYONE),
            entry("POST /webhooks/stripe", EVERYONE),
            // Support and operations.
            entry("GET /admin/v1/orders", STAFF_READ),
            entry("GET /admin/v1/orders/{orderId}", STAFF_READ),
            entry("POST /admin/v1/orders/{orderId}/shipment", STAFF_ACT),
            entry("POST /admin/v1/orders/{orderId}/cancellation", STAFF_ACT),
            entry("POST /admin/v1/orders/{orderId}/priority", STAFF_ACT),
            entry("POST /admin/v1/orders/{orderId}/payment-retry", STAFF_ACT),
            entry("POST /admin/v1/orders/{orderId}/decision", STAFF_ACT),
            entry("POST /admin/v1/orders/{orderId}/recovery", ADMIN_ONLY),
            entry("POST /admin/v1/orders/{orderId}/customer-link", STAFF_ACT),
            entry("GET /admin/v1/audit", STAFF_READ),
            entry("GET /admin/v1/messages/preview", STAFF_ACT),
            // Products, stock and purchasing.
            entry("PUT /admin/v1/products/{sku}", ADMIN_ONLY),
            entry("PUT /admin/v1/products/{sku}/eta", ADMIN_ONLY),
            entry("GET /admin/v1/products/{sku}", STAFF_READ),
            entry("POST /admin/v1/products/{sku}/release", ADMIN_ONLY),
            entry("POST /admin/v1/products/{sku}/receipts", ADMIN_ONLY),
            entry("POST /admin/v1/purchase-orders", ADMIN_ONLY),
            entry("PUT /admin/v1/purchase-orders/{id}", ADMIN_ONLY),
            entry("GET /admin/v1/purchase-orders", STAFF_READ),
            entry("GET /admin/v1/purchase-orders/{id}", STAFF_READ),
            entry("POST /admin/v1/purchase-orders/{id}/receipts", ADMIN_ONLY),
            entry("GET /admin/v1/receipts/{receiptId}", STAFF_READ),
            // Money and figures.
            entry("GET /admin/v1/ledger", FIGURES),
            entry("GET /admin/v1/reports/metrics", FIGURES),
            entry("GET /admin/v1/reports/demand", FIGURES),
            // Actuator (not a controller mapping: listed in ACTUATOR too).
            entry("GET /actuator/health", EVERYONE),
            entry("GET /actuator/prometheus", FIGURES));

    /** Endpoints served outside the controllers' mappings, asked as well. */
    static final List<RoleEndpointMatrixTest.Endpoint> ACTUATOR = List.of(
            new RoleEndpointMatrixTest.Endpoint(HttpMethod.GET, "/actuator/health"),
            new RoleEndpointMatrixTest.Endpoint(HttpMethod.GET, "/actuator/prometheus"));

    private EndpointRoles() {}

    static boolean grants(String endpoint, String caller) {
        Set<String> callers = ALL.get(endpoint);
        if (callers == null) {
            throw new AssertionError(endpoint + " has no line in EndpointRoles");
        }
        return callers.contains(caller);
    }
}
