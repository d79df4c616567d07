package dev.waitwell.api.bodylimit;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import org.springframework.http.HttpStatus;

/**
 * A body over its limit: 413 {@code PAYLOAD_TOO_LARGE}. Unchecked, so that it leaves a reader of the body (Jackson,
 * a controller reading the stream) as it is and reaches the problem details.
 */
class BodyTooLarge extends ApiException {

    BodyTooLarge(long limit) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemCodes.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the most this endpoint takes.");
    }
}
