package dev.waitwell.api.report;

import dev.waitwell.api.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

    private final Metrics metrics;
    private final Demand demand;

    ReportController(Metrics metrics, Demand demand) {
        this.metrics = metrics;
        this.demand = demand;
    }

    @Operation(
            summary = "Service metrics of the orders placed in [from, to), per sku and overall (ADMIN, OPS); "
                    + "CSV with Accept: text/csv")
    @GetMapping("/admin/v1/reports/metrics")
    ResponseEntity<?> metrics(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sku,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        QueryParameters parameters = new QueryParameters();
        LocalDate start = parameters.requiredDate("from", from);
        LocalDate end = parameters.requiredDate("to", to);
        parameters.check(start == null || end == null || start.isBefore(end), "to", "must be after from");
        String onlySku = parameters.text(sku);
        parameters.validate();
        return answer(metrics.of(start, end, onlySku), accept, MetricsReport::csv);
    }

    @Operation(
            summary = "A product's demand, lead time, forecast and suggested reorder (ADMIN, OPS); "
                    + "CSV with Accept: text/csv")
    @GetMapping("/admin/v1/reports/demand")
    ResponseEntity<?> demand(
            @RequestParam(required = false) String sku,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        QueryParameters parameters = new QueryParameters();
        String product = parameters.required("sku", sku);
        parameters.validate();
        return answer(demand.of(product), accept, DemandReport::csv);
    }

    /** CSV only when asked for by name: a browser's or client's wildcard gets JSON. */
    private static <T> ResponseEntity<?> answer(T report, String accept, Function<T, String> csv) {
        if (wantsCsv(accept)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE + ";charset=UTF-8"))
                    .body(csv.apply(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private static boolean wantsCsv(String accept) {
        try {
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false; // a garbled Accept header gets the default, JSON
        }
    }
}
