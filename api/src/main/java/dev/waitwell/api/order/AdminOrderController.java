package dev.waitwell.api.order;

import dev.waitwell.workflows.order.Shipment;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side: the full picture of an order and the actions that change it. */
@RestController
@RequestMapping("/admin/v1/orders")
class AdminOrderController {

    private final AdminOrderViews views;
    private final OrderActions actions;
    private final OrderRecovery recovery;
    private final CustomerLinkResends linkResends;

    AdminOrderController(
            AdminOrderViews views, OrderActions actions, OrderRecovery recovery, CustomerLinkResends linkResends) {
        this.views = views;
        this.actions = actions;
        this.recovery = recovery;
        this.linkResends = linkResends;
    }

    @Operation(
            summary = "Everything about an order: timeline, messages, payments, refunds, ledger lines, allocations "
                    + "and queue place, delay decisions, promise history, staff actions and live workflow state "
                    + "(ADMIN, SUPPORT, OPS)")
    @GetMapping("/{orderId}")
    AdminOrderDetails get(@PathVariable String orderId) {
        return views.of(orderId);
    }

    @Operation(summary = "The warehouse confirms the shipment (ADMIN, SUPPORT)")
    @PostMapping("/{orderId}/shipment")
    OrderDetails confirmShipment(
            @PathVariable String orderId, @Valid @RequestBody ActionBodies.ShipmentBody body, Principal principal) {
        return actions.confirmShipment(
                orderId, new Shipment(body.carrier(), body.trackingNumber()), principal.getName());
    }

    @Operation(summary = "Cancel the order and refund everything paid (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/cancellation")
    OrderDetails cancel(
            @PathVariable String orderId, @Valid @RequestBody ActionBodies.CancellationBody body, Principal principal) {
        return actions.cancel(orderId, body.reason(), principal.getName());
    }

    @Operation(summary = "Move the order in the allocation queue: higher priority is served first (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/priority")
    OrderDetails changePriority(
            @PathVariable String orderId, @Valid @RequestBody ActionBodies.PriorityBody body, Principal principal) {
        return actions.changePriority(orderId, body.priority(), body.reason(), principal.getName());
    }

    @Operation(summary = "Retry a declined charge now (SUPPORT, ADMIN)")
    @PostMapping("/{orderId}/payment-retry")
    OrderDetails retryPayment(@PathVariable String orderId, Principal principal) {
        return actions.retryPayment(orderId, principal.getName());
    }

    @Operation(
            summary = "Send the customer the link to their order page again, on the channels they chose (ADMIN, "
                    + "SUPPORT): 202 with the channels, audited; the link itself is never shown. 409 ORDER_FINISHED, "
                    + "NO_CUSTOMER_CHANNEL or LINK_EXPIRED when there is nothing to send")
    @PostMapping("/{orderId}/customer-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CustomerLinkView resendCustomerLink(
            @PathVariable String orderId,
            @Valid @RequestBody(required = false) ActionBodies.CustomerLinkBody body,
            Principal principal) {
        return linkResends.resend(orderId, body == null ? null : body.reason(), principal.getName());
    }

    @Operation(
            summary = "Rebuild the order's workflow from the database now, as the worker's reconciler would (ADMIN): "
                    + "200 when rebuilt, 409 WORKFLOW_RUNNING or ORDER_FINISHED when there is nothing to rebuild, "
                    + "503 when the worker does not answer in time")
    @PostMapping("/{orderId}/recovery")
    RecoveryView rebuild(
            @PathVariable String orderId,
            @Valid @RequestBody(required = false) ActionBodies.RecoveryBody body,
            Principal principal) {
        return recovery.rebuild(orderId, body == null ? null : body.reason(), principal.getName());
    }
}
