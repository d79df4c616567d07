package dev.waitwell.api.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param repeatWindow how long after an order a later order by the same customer counts as a repeat purchase; orders
 *     placed less than this before the report is asked for are not yet observable
 */
@ConfigurationProperties("waitwell.report")
record RepeatPurchaseProperties(@DefaultValue("P90D") Duration repeatWindow) {

    RepeatPurchaseProperties {
        if (repeatWindow.isNegative() || repeatWindow.isZero()) {
            throw new IllegalArgumentException("waitwell.report.repeat-window (WAITWELL_REPORT_REPEAT_WINDOW) must be "
                    + "positive, not " + repeatWindow);
        }
    }
}
