package dev.waitwell.api.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.recovery.rebuild-wait}: how long {@code POST /admin/v1/orders/{id}/recovery} waits for the
 * worker's rebuild before it answers 503 (the rebuild carries on).
 */
@ConfigurationProperties("waitwell.recovery")
record RebuildProperties(@DefaultValue("PT30S") Duration rebuildWait) {

    RebuildProperties {
        if (rebuildWait.isNegative() || rebuildWait.isZero()) {
            throw new IllegalArgumentException("waitwell.recovery.rebuild-wait (WAITWELL_RECOVERY_REBUILD_WAIT) must "
                    + "be positive, not " + rebuildWait);
        }
    }
}
