package dev.waitwell.api.order;

import dev.waitwell.workflows.shared.DelayChoice;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support decides a delayed order on the customer's behalf (audited), as JSON; 200 with the order once carried
 * out. The customer's own decision is the customer feature's.
 */
@RestController
class DecisionController {

    private final OrderDecisions decisions;

    DecisionController(OrderDecisions decisions) {
        this.decisions = decisions;
    }

    @Operation(summary = "Decide an open delay on the customer's behalf: WAIT, SWITCH or CANCEL (SUPPORT, ADMIN)")
    @PostMapping("/admin/v1/orders/{orderId}/decision")
    OrderDetails decideForCustomer(
            @PathVariable String orderId, @Valid @RequestBody ActionBodies.DecisionBody body, Principal principal) {
        return decisions.decideForCustomer(
                orderId, DelayChoice.valueOf(body.choice()), body.alternativeSku(), body.note(), principal.getName());
    }
}
