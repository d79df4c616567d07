package dev.waitwell.api.report;

import java.util.List;
import java.util.stream.Collectors;

/** A flat CSV (RFC 4180): a header row, then one row per record; fields quoted when they need it. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<?> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(Object value) {
        String plain = value == null ? "" : value.toString();
        if (plain.contains(",") || plain.contains("\"") || plain.contains("\n") || plain.contains("\r")) {
            return "\"" + plain.replace("\"", "\"\"") + "\"";
        }
        return plain;
    }
}
