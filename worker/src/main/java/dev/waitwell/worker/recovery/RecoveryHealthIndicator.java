package dev.waitwell.worker.recovery;

import dev.waitwell.activities.recovery.ReconcilePasses.ReconcilePass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code recovery} health component: the figures of this worker's last reconcile pass (UP), or UNKNOWN before the
 * first one. Orders found without a workflow do not make the worker unhealthy: the pass rebuilt them, and a restart
 * would not help with the ones it could not.
 */
@Component
class RecoveryHealthIndicator implements HealthIndicator {

    private final OrderReconciler reconciler;

    RecoveryHealthIndicator(OrderReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public Health health() {
        if (!reconciler.enabled()) {
            return Health.unknown().withDetail("reconciler", "off").build();
        }
        ReconcilePass pass = reconciler.lastPass();
        if (pass == null) {
            return Health.unknown()
                    .withDetail("reconciler", "no pass yet")
                    .withDetail("interval", reconciler.interval().toString())
                    .build();
        }
        return Health.up()
                .withDetail("interval", reconciler.interval().toString())
                .withDetail("lastPassStartedAt", pass.startedAt().toString())
                .withDetail("lastPassFinishedAt", pass.finishedAt().toString())
                .withDetail("openOrders", pass.openOrders())
                .withDetail("withoutWorkflow", pass.withoutWorkflow())
                .withDetail("rebuilt", pass.rebuilt())
                .withDetail("failed", pass.failed())
                .build();
    }
}
