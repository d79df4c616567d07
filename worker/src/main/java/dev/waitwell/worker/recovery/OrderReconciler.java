package dev.waitwell.worker.recovery;

import dev.waitwell.activities.recovery.ReconcilePasses;
import dev.waitwell.activities.recovery.ReconcilePasses.ReconcilePass;
import dev.waitwell.activities.recovery.StoredOrders;
import dev.waitwell.workflows.recovery.RebuildRequest;
import dev.waitwell.workflows.recovery.RebuildResult;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds open orders whose workflow Temporal does not run (a local restart, a namespace recreated, a run terminated by
 * hand) and rebuilds them from the database: once the worker is ready, then every
 * {@code waitwell.recovery.reconcile-interval}. Each pass pages through the open orders, asks Temporal about a few at
 * a time, records itself in {@code workflow_reconciles} and logs a summary. One order that fails is logged and
 * counted; the pass goes on, and the next pass tries it again.
 */
@Component
class OrderReconciler {

    static final String WITHOUT_WORKFLOW_METRIC = "waitwell.recovery.orders.without.workflow";

    private static final Logger log = LoggerFactory.getLogger(OrderReconciler.class);
    private static final int PAGE_SIZE = 100;
    /** Orders asked about at once: enough to get through thousands in a pass, few enough to spare Temporal. */
    private static final int CONCURRENCY = 4;
    /**
     * Orders whose start the API recorded this recently are left for the next pass: their run is a moment old. Short,
     * so that an order placed just before a restart is rebuilt by the first pass after it.
     */
    private static final Duration JUST_STARTED = Duration.ofSeconds(5);

    private final OrderRebuilder rebuilder;
    private final StoredOrders orders;
    private final ReconcilePasses passes;
    private final RecoveryProperties properties;
    private final Clock clock;
    private final AtomicInteger withoutWorkflow = new AtomicInteger();
    private final ExecutorService checks = Executors.newFixedThreadPool(CONCURRENCY, daemon("order-reconcile-check"));
    private ScheduledExecutorService schedule;
    private volatile ReconcilePass lastPass;

    @Autowired
    OrderReconciler(
            OrderRebuilder rebuilder,
            StoredOrders orders,
            ReconcilePasses passes,
            RecoveryProperties properties,
            MeterRegistry meters) {
        this(rebuilder, orders, passes, properties, meters, Clock.systemUTC());
    }

    OrderReconciler(
            OrderRebuilder rebuilder,
            StoredOrders orders,
            ReconcilePasses passes,
            RecoveryProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.rebuilder = rebuilder;
        this.orders = orders;
        this.passes = passes;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(WITHOUT_WORKFLOW_METRIC, withoutWorkflow, AtomicInteger::get)
                .description("Open orders the reconciler's last pass found without a running workflow")
                .register(meters);
    }

    /** Ready means migrated and polling: the first pass starts then, and the next ones one interval after each. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && properties.reconcileEnabled()) {
            startPasses();
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        checks.shutdownNow();
    }

    private synchronized void startPasses() {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(daemon("order-reconciler"));
        schedule.scheduleWithFixedDelay(
                this::passLoggingFailures, 0, properties.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over every open order; returns (and records) what it found. */
    ReconcilePass reconcile() {
        Instant startedAt = clock.instant();
        Tally tally = new Tally();
        String after = "";
        List<String> page;
        while (!(page = orders.openOrders(after, startedAt.minus(JUST_STARTED), PAGE_SIZE)).isEmpty()) {
            List<Future<Checked>> checked = new ArrayList<>();
            for (String orderId : page) {
                checked.add(checks.submit(() -> check(orderId)));
            }
            for (Future<Checked> outcome : checked) {
                tally.add(outcomeOf(outcome));
            }
            after = page.get(page.size() - 1);
        }
        ReconcilePass pass = new ReconcilePass(
                startedAt, clock.instant(), tally.open, tally.withoutWorkflow, tally.rebuilt, tally.failed);
        passes.record(pass);
        withoutWorkflow.set(pass.withoutWorkflow());
        lastPass = pass;
        summarize(pass);
        return pass;
    }

    /** The last pass of this worker; null before the first. */
    ReconcilePass lastPass() {
        return lastPass;
    }

    boolean enabled() {
        return properties.reconcileEnabled();
    }

    Duration interval() {
        return properties.reconcileInterval();
    }

    private Checked check(String orderId) {
        try {
            RebuildResult result = rebuilder.rebuild(new RebuildRequest(orderId, RebuildTrigger.RECONCILER, null));
            return result.outcome() == RebuildResult.Outcome.REBUILT ? Checked.REBUILT : Checked.FINE;
        } catch (OrderRebuilder.CheckoutInputMissing missing) {
            log.warn("Reconcile: {}", missing.getMessage());
            return Checked.SKIPPED;
        } catch (RuntimeException e) {
            log.warn("Reconcile: order {} could not be checked or rebuilt; the next pass tries again", orderId, e);
            return Checked.FAILED;
        }
    }

    private static Checked outcomeOf(Future<Checked> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reconcile pass interrupted", e);
        } catch (ExecutionException e) {
            return Checked.FAILED;
        }
    }

    private void passLoggingFailures() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            if (checks.isShutdown()) {
                log.info("Reconcile pass stopped: the worker is shutting down");
                return;
            }
            // Kept from the scheduler, which would stop every later pass; the next one tries again.
            log.error("Reconcile pass failed; next pass in {}", properties.reconcileInterval(), e);
        }
    }

    private static void summarize(ReconcilePass pass) {
        String summary = "Reconcile pass: {} open orders, {} without a running workflow, {} rebuilt, {} failed ({} ms)";
        Object[] figures = {
            pass.openOrders(),
            pass.withoutWorkflow(),
            pass.rebuilt(),
            pass.failed(),
            Duration.between(pass.startedAt(), pass.finishedAt()).toMillis()
        };
        if (pass.rebuilt() > 0 || pass.withoutWorkflow() > 0 || pass.failed() > 0) {
            log.warn(summary, figures);
        } else {
            log.info(summary, figures);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** How one open order stood. */
    private enum Checked {
        /** Temporal runs it (or it finished meanwhile): nothing to do. */
        FINE,
        REBUILT,
        /** Without a workflow, but no stored checkout input to rebuild it from yet. */
        SKIPPED,
        FAILED
    }

    /** A pass's figures as its checks come in (on the pass's own thread). */
    private static final class Tally {
        private int open;
        private int withoutWorkflow;
        private int rebuilt;
        private int failed;

        void add(Checked checked) {
            open++;
            switch (checked) {
                case REBUILT -> {
                    withoutWorkflow++;
                    rebuilt++;
                }
                case SKIPPED -> withoutWorkflow++;
                case FAILED -> failed++;
                case FINE -> {}
            }
        }
    }
}
