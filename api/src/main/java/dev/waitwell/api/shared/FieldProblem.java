package dev.waitwell.api.shared;

/** One invalid field of a request: its path (e.g. {@code customer.email}) and what is wrong. */
public record FieldProblem(String field, String message) {}
