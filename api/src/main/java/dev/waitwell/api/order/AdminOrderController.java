package dev.waitwell.api.order;

import dev.waitwell.api.ledger.Ledger;
import dev.waitwell.api.payment.OrderPayments;
import dev.waitwell.workflows.order.Shipment;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side: the full picture of an order and the actions that change it. */
@RestController
@RequestMapping("/admin/v1/orders")
class AdminOrderController {

    private final OrderQueries queries;
    private final OrderActions actions;
    private final OrderWorkflows workflows;
    private final Ledger ledger;
    private final OrderPayments payments;

    AdminOrderController(OrderQueries queries, OrderActions actions, OrderWorkflows workflows, Ledger ledger,
            OrderPayments payments) {
        this.queries = queries;
        this.actions = actions;
        this.workflows = workflows;
        this.ledger = ledger;
        this.payments = payments;
    }

    @Operation(summary = "An order with ledger lines, payments and live workflow state (ADMIN, SUPPORT, OPS)")
    @GetMapping("/{orderId}")
    AdminOrderDetails get(@PathVariable String orderId) {
        var state = workflows.state(orderId);
        OrderDetails details = state.map(known -> queries.details(orderId, known))
                .orElseGet(() -> queries.details(orderId));
        return new AdminOrderDetails(details, ledger.linesOf(orderId), payments.of(orderId), state.orElse(null),
                state.isPresent() ? null : "The workflow could not be queried now; the rest is from the database.");
    }

    @Operation(summary = "The warehouse confirms the shipment (ADMIN, SUPPORT)")
    @PostMapping("/{orderId}/shipment")
    OrderDetails confirmShipment(@PathVariable String orderId, @Valid @RequestBody ActionBodies.ShipmentBody body,
            Principal principal) {
        return actions.confirmShipment(orderId, new Shipment(body.carrier(), body.trackingNumber()),
                principal.getName());
    }

    @Operation(summary = "Cancel the order and refund everything paid (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/cancellation")
    OrderDetails cancel(@PathVariable String orderId, @Valid @RequestBody ActionBodies.CancellationBody body,
            Principal principal) {
        return actions.cancel(orderId, body.reason(), principal.getName());
    }

    @Operation(summary = "Move the order in the allocation queue: higher priority is served first (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/priority")
    OrderDetails changePriority(@PathVariable String orderId, @Valid @RequestBody ActionBodies.PriorityBody body,
            Principal principal) {
        return actions.changePriority(orderId, body.priority(), body.reason(), principal.getName());
    }

    @Operation(summary = "Retry a declined charge now (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/payment-retry")
    OrderDetails retryPayment(@PathVariable String orderId, Principal principal) {
        return actions.retryPayment(orderId, principal.getName());
    }
}
