package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact quotients of whole numbers, rounded once at the end (half up); null when nothing was counted. */
final class Ratio {

    static final int RATE_SCALE = 4;
    static final int DAYS_SCALE = 2;

    private Ratio() {}

    static BigDecimal rate(long part, long whole) {
        return of(part, whole, RATE_SCALE);
    }

    static BigDecimal of(long numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
}
