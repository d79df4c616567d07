package dev.waitwell.api.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Simple exponential smoothing of daily demand: s1 = x1, st = alpha * xt + (1 - alpha) * s(t-1); the forecast of
 * every day ahead is the last level. Alpha 0.3 weighs the last days without chasing a single busy one. Computed in
 * exact decimals (each step adds one decimal place).
 */
final class Smoothing {

    static final BigDecimal ALPHA = new BigDecimal("0.3");

    private Smoothing() {}

    static BigDecimal level(List<Long> daily) {
        if (daily.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal level = BigDecimal.valueOf(daily.get(0));
        for (Long units : daily.subList(1, daily.size())) {
            level = ALPHA.multiply(BigDecimal.valueOf(units))
                    .add(BigDecimal.ONE.subtract(ALPHA).multiply(level));
        }
        return level;
    }
}
