package dev.waitwell.api.order;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.workflows.shared.DelayChoice;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions on a delayed order as JSON: support on the customer's behalf (audited), or the customer with the
 * token of their signed link, for shops that build their own page. 200 with the order once carried out.
 */
@RestController
class DecisionController {

    private final OrderDecisions decisions;
    private final CustomerLinks links;
    private final Orders orders;
    private final Clock clock;

    DecisionController(OrderDecisions decisions, CustomerLinks links, Orders orders, Clock clock) {
        this.decisions = decisions;
        this.links = links;
        this.orders = orders;
        this.clock = clock;
    }

    @Operation(summary = "Decide an open delay on the customer's behalf: WAIT, SWITCH or CANCEL (SUPPORT, ADMIN)")
    @PostMapping("/admin/v1/orders/{orderId}/decision")
    OrderDetails decideForCustomer(@PathVariable String orderId, @Valid @RequestBody ActionBodies.DecisionBody body,
            Principal principal) {
        return decisions.decideForCustomer(orderId, DelayChoice.valueOf(body.choice()), body.alternativeSku(),
                body.note(), principal.getName());
    }

    @Operation(summary = "The customer decides an open delay with the token of their link (no login)")
    @PostMapping("/c/v1/orders/{orderId}/decision")
    OrderDetails decideAsCustomer(@PathVariable String orderId,
            @Valid @RequestBody ActionBodies.CustomerDecisionBody body) {
        if (!links.isValid(orderId, body.token(), Instant.now(clock)) || !orders.exists(orderId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.LINK_INVALID,
                    "The link's token is not valid for this order, or it has expired.");
        }
        return decisions.decideAsCustomer(orderId, DelayChoice.valueOf(body.choice()), body.alternativeSku());
    }
}
