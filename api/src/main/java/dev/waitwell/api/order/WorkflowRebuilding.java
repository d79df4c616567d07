package dev.waitwell.api.order;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 503: the database says the order is open but Temporal has no running workflow for it (a restart, a restored
 * cluster, a run terminated by hand). The API asks the worker to rebuild it from the database at once (the
 * reconciler would within its interval), so the same request succeeds in a few seconds; nothing was done.
 */
class WorkflowRebuilding extends ApiException {

    static final long RETRY_AFTER_SECONDS = 10;

    WorkflowRebuilding(String orderId, String status) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemCodes.WORKFLOW_REBUILDING,
                "Order " + orderId + " is open (status " + status + ") but its workflow is being rebuilt; nothing was "
                        + "done. Try again in a few seconds.",
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        return headers;
    }
}
