package dev.waitwell.api.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Reads the query parameters of a list request and collects every invalid one, so that the caller hears of all
 * of them at once (400 {@code VALIDATION_FAILED}, each problem naming its parameter). Blank means absent.
 */
public final class QueryParameters {

    private final List<FieldProblem> problems = new ArrayList<>();

    public String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The name of one of {@code type}'s constants, or null when absent or not one (then a problem). */
    public <E extends Enum<E>> String oneOf(String name, String value, Class<E> type) {
        E constant = constant(name, value, type, false);
        return constant == null ? null : constant.name();
    }

    /**
     * One of {@code type}'s constants by its name, or null: absent (a problem when {@code required}), or not one of
     * them (a problem naming the value given and the names allowed).
     */
    public <E extends Enum<E>> E constant(String name, String value, Class<E> type, boolean required) {
        String given = text(value);
        String allowed = String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (given == null) {
            if (required) {
                problems.add(new FieldProblem(name, "is required: one of " + allowed));
            }
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(given))
                .findFirst()
                .orElseGet(() -> {
                    problems.add(new FieldProblem(name, quoted(given) + " is not one of " + allowed));
                    return null;
                });
    }

    /** A value a caller gave, quoted for a problem's words and never echoed whole (at most 40 characters). */
    public static String quoted(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }

    public LocalDate date(String name, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be an ISO date (2025-03-01)"));
            return null;
        }
    }

    /**
     * An ISO date-time with offset, or a date: the start of that day in {@code zone}, or with {@code endOfDay}
     * the start of the next, so that a date names its whole day.
     */
    public Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            if (given.length() <= 10) {
                return LocalDate.parse(given)
                        .plusDays(endOfDay ? 1 : 0)
                        .atStartOfDay(zone)
                        .toInstant();
            }
            return OffsetDateTime.parse(given).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(
                    new FieldProblem(name, "must be an ISO date-time with offset (2025-03-01T10:00:00Z) or a date"));
            return null;
        }
    }

    /** A date that must be given. */
    public LocalDate requiredDate(String name, String value) {
        if (text(value) == null) {
            problems.add(new FieldProblem(name, "is required (an ISO date, 2025-03-01)"));
            return null;
        }
        return date(name, value);
    }

    /** Text that must be given. */
    public String required(String name, String value) {
        String given = text(value);
        if (given == null) {
            problems.add(new FieldProblem(name, "is required"));
        }
        return given;
    }

    /** Records a problem found by the caller when {@code holds} is false. */
    public void check(boolean holds, String name, String message) {
        if (!holds) {
            problems.add(new FieldProblem(name, message));
        }
    }

    public Paging paging(String page, String size) {
        int pageNumber = integer("page", page, 0, Integer.MAX_VALUE / Paging.MAX_SIZE, 0);
        int pageSize = integer("size", size, 1, Paging.MAX_SIZE, Paging.DEFAULT_SIZE);
        return new Paging(pageNumber, pageSize);
    }

    /** Throws the collected problems, if there are any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    ProblemCodes.VALIDATION_FAILED,
                    "The request has invalid parameters: "
                            + String.join(
                                    ", ",
                                    problems.stream()
                                            .map(FieldProblem::field)
                                            .distinct()
                                            .toList()) + ".",
                    Map.of("errors", List.copyOf(problems)));
        }
    }

    private int integer(String name, String value, int min, int max, int absent) {
        String given = text(value);
        if (given == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(given);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
