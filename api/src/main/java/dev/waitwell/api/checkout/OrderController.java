package dev.waitwell.api.checkout;

import dev.waitwell.api.order.OrderActions;
import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.order.OrderLogContext;
import dev.waitwell.api.order.OrderQueries;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.api.order.OrderWorkflows;
import dev.waitwell.api.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The shop's side: checkout, reading an order, changing its payment method. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final Checkout checkout;
    private final OrderQueries queries;
    private final OrderActions actions;
    private final OrderWorkflows workflows;

    OrderController(Checkout checkout, OrderQueries queries, OrderActions actions, OrderWorkflows workflows) {
        this.checkout = checkout;
        this.queries = queries;
        this.actions = actions;
        this.workflows = workflows;
    }

    @Operation(
            summary = "Place an order (STOREFRONT, ADMIN): 201 when placed, 200 for the same request again, "
                    + "202 when stored but its processing could not start yet (it starts within minutes)")
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody CheckoutRequest request, Authentication caller) {
        OrderLogContext.name(request.orderId());
        Checkout.Result result = checkout.place(request);
        URI location = UriComponentsBuilder.fromPath("/api/v1/orders/{id}")
                .buildAndExpand(request.orderId())
                .toUri();
        // The shop shows the customer their link; an ADMIN placing an order never sees it.
        OrderView order = Callers.isStorefrontOnly(caller)
                ? queries.withCustomerLink(result.order(), result.linkExpiresAt())
                : result.order();
        if (!result.started()) {
            return ResponseEntity.accepted().location(location).body(order);
        }
        if (!result.created()) {
            return ResponseEntity.ok(order);
        }
        return ResponseEntity.created(location).body(order);
    }

    @Operation(
            summary = "An order with its timeline, notifications, open delay decision and reward code (any role); "
                    + "customerUrl, the customer's signed link, only for STOREFRONT")
    @GetMapping("/{orderId}")
    OrderDetails get(@PathVariable String orderId, Authentication caller) {
        OrderDetails details = queries.details(orderId, workflows::state);
        return Callers.isStorefrontOnly(caller) ? queries.withCustomerLink(details) : details;
    }

    @Operation(summary = "Set the payment method for the next charge (STOREFRONT, SUPPORT)")
    @PutMapping("/{orderId}/payment-method")
    OrderDetails changePaymentMethod(
            @PathVariable String orderId, @Valid @RequestBody PaymentMethodBody body, Principal principal) {
        return actions.changePaymentMethod(orderId, body.paymentMethod(), principal.getName());
    }
}
