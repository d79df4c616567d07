package dev.waitwell.api.shared;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one place errors become RFC 9457 problem details: every answer carries a stable {@code code}
 * and a type URI derived from it. Clients never see stack traces; unknown failures are logged here.
 * Spring Security's entry point and access-denied handler delegate here too.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> onApiException(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return respond(problem, e.headers());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> onUnauthenticated(AuthenticationException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"waitwell\"");
        return respond(
                problem(
                        HttpStatus.UNAUTHORIZED,
                        ProblemCodes.UNAUTHENTICATED,
                        "Valid credentials are required (HTTP Basic)."),
                headers);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> onAccessDenied(AccessDeniedException e) {
        return respond(
                problem(HttpStatus.FORBIDDEN, ProblemCodes.ACCESS_DENIED, "Your role does not allow this request."),
                new HttpHeaders());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> onDataConflict(DataIntegrityViolationException e) {
        log.warn(
                "Request refused by a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return respond(
                problem(
                        HttpStatus.CONFLICT,
                        ProblemCodes.DATA_CONFLICT,
                        "The change conflicts with the current data; read it again and retry."),
                new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return respond(
                problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemCodes.INTERNAL_ERROR,
                        "Something went wrong on our side. It has been logged."),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemAdvice::fieldProblem)
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Refused while the body was read (a chunked body over its limit): Jackson wraps it, the refusal stands.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return new ResponseEntity<>(
                        onApiException(refusal).getBody(), problemHeaders(refusal.headers()), refusal.status());
            }
        }
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            return invalid(
                    List.of(new FieldProblem(path(databind), "has a value of the wrong type or format")), headers);
        }
        return new ResponseEntity<>(
                problem(
                        HttpStatus.BAD_REQUEST,
                        ProblemCodes.MALFORMED_JSON,
                        "The request body is missing or is not valid JSON."),
                problemHeaders(headers),
                HttpStatus.BAD_REQUEST);
    }

    /** A path or query parameter of the wrong type ({@code /admin/v1/receipts/abc}): named like a bad field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null
                ? "another type"
                : e.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(name, "must be a " + readable(expected))), headers);
    }

    private static String readable(String type) {
        return switch (type) {
            case "long", "Long", "int", "Integer" -> "whole number";
            default -> type;
        };
    }

    /** Every other Spring MVC exception (405, 415, 404 for unknown paths...) keeps its status and gains a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                body instanceof ProblemDetail given ? given : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            String code = codeFor(status);
            problem.setProperty("code", code);
            problem.setType(java.net.URI.create(ProblemCodes.typeOf(code)));
        }
        return new ResponseEntity<>(problem, problemHeaders(headers), status);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(FieldProblem::field)
                                        .distinct()
                                        .toList()) + ".");
        problem.setProperty("errors", errors);
        return new ResponseEntity<>(problem, problemHeaders(headers), HttpStatus.BAD_REQUEST);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemCodes.BAD_REQUEST;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? ProblemCodes.INTERNAL_ERROR : "HTTP_" + status.value();
        };
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create(ProblemCodes.typeOf(code)));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return new ResponseEntity<>(problem, problemHeaders(headers), HttpStatus.valueOf(problem.getStatus()));
    }

    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }
}
