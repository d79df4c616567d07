package dev.waitwell.api.customer;

import dev.waitwell.api.order.OrderDetails;
import dev.waitwell.api.ratelimit.RateLimits;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.DelayChoice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer decides a delayed order with the token of their signed link, as JSON, for shops that build their
 * own page; 200 with the order once carried out. A token that is not this order's, or has expired, is 403.
 */
// The OpenAPI tag this operation had before it left the staff's decision controller: generated clients group by it.
@Tag(name = "decision-controller")
@RestController
class CustomerDecisionController {

    private final LinkCheck link;
    private final CustomerActions actions;
    private final RateLimits limits;

    CustomerDecisionController(LinkCheck link, CustomerActions actions, RateLimits limits) {
        this.link = link;
        this.actions = actions;
        this.limits = limits;
    }

    @Operation(summary = "The customer decides an open delay with the token of their link (no login)")
    @PostMapping("/c/v1/orders/{orderId}/decision")
    OrderDetails decideAsCustomer(
            @PathVariable String orderId, @Valid @RequestBody CustomerDecisionBody body, HttpServletRequest request) {
        if (!link.passes(orderId, body.token())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.LINK_INVALID,
                    "The link's token is not valid for this order, or it has expired.");
        }
        limits.acquireForCustomer(orderId);
        return actions.decide(request, orderId, DelayChoice.valueOf(body.choice()), body.alternativeSku());
    }
}
