package dev.waitwell.api.order;

import dev.waitwell.api.shared.Paging;
import dev.waitwell.api.shared.QueryParameters;
import dev.waitwell.api.shared.ResultPage;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.order.OrderKind;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support's search over all orders. Dates without a time are days in the shop's zone. */
@RestController
class OrderListController {

    private final OrderList orders;
    private final WaitwellProperties properties;

    OrderListController(OrderList orders, WaitwellProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @Operation(
            summary = "Orders by status, kind, sku, customer (id or email), placement and promise, oldest first"
                    + " (ADMIN, SUPPORT, OPS)")
    @GetMapping("/admin/v1/orders")
    ResultPage<OrderSummary> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String placedFrom,
            @RequestParam(required = false) String placedTo,
            @RequestParam(required = false) String promisedBefore,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        OrderFilter filter = new OrderFilter(
                parameters.oneOf("status", status, OrderStatus.class),
                parameters.oneOf("kind", kind, OrderKind.class),
                parameters.text(sku),
                parameters.text(customer),
                parameters.instant("placedFrom", placedFrom, properties.zone(), false),
                parameters.instant("placedTo", placedTo, properties.zone(), true),
                parameters.date("promisedBefore", promisedBefore));
        Paging paging = parameters.paging(page, size);
        parameters.validate();
        return orders.find(filter, paging);
    }
}
