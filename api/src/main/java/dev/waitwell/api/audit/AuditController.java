package dev.waitwell.api.audit;

import dev.waitwell.api.shared.Paging;
import dev.waitwell.api.shared.QueryParameters;
import dev.waitwell.api.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final StaffActions staffActions;

    AuditController(StaffActions staffActions) {
        this.staffActions = staffActions;
    }

    @Operation(summary = "Staff actions, newest first, by order, sku and/or user (ADMIN, SUPPORT, OPS)")
    @GetMapping("/admin/v1/audit")
    ResultPage<AuditEntry> list(
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        Paging paging = parameters.paging(page, size);
        parameters.validate();
        return staffActions.list(parameters.text(orderId), parameters.text(sku), parameters.text(user), paging);
    }
}
