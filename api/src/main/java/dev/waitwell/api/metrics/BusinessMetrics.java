package dev.waitwell.api.metrics;

import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.order.OrderKind;
import dev.waitwell.workflows.recovery.RebuildTrigger;
import dev.waitwell.workflows.shared.DelayChoice;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Exports the business figures as Micrometer function counters and gauges that read the latest figures. A scrape
 * reads them again from PostgreSQL when they are older than {@code waitwell.metrics.refresh}: nothing runs while
 * nobody scrapes, and several scrapers share one read.
 *
 * <p>The label values that are known in advance (kinds, statuses, choices, channels) are registered at start, so
 * their series exist from the first scrape, at 0. Currencies are found in the data: a new currency's series appear
 * from the scrape after the read that found it. When a read fails the last figures stay (counters must not drop
 * to 0) and {@code waitwell_business_figures_age_seconds} grows; before the first read every figure is NaN.
 */
@Component
class BusinessMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final BusinessQueries queries;
    private final long refreshNanos;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<Series> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<Series, Double> figures;
    private volatile long readAt;
    private volatile long attemptedAt;
    private boolean failing;

    BusinessMetrics(BusinessQueries queries, MetricsProperties properties) {
        this.queries = queries;
        this.refreshNanos = properties.refresh().toNanos();
        this.attemptedAt = System.nanoTime() - refreshNanos - 1;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        knownSeries().forEach(series -> register(registry, series));
        Gauge.builder("waitwell.business.figures.age", this, BusinessMetrics::ageSeconds)
                .description("How old the business figures are: grows while PostgreSQL cannot be read")
                .baseUnit("seconds")
                .register(registry);
    }

    private double valueOf(Series series) {
        Map<Series, Double> current = current();
        return current == null ? Double.NaN : current.getOrDefault(series, 0.0);
    }

    private double ageSeconds() {
        return current() == null
                ? Double.NaN
                : Duration.ofNanos(System.nanoTime() - readAt).toMillis() / 1000.0;
    }

    /** The figures, read again when stale. A failed read is not retried before the next refresh either. */
    private Map<Series, Double> current() {
        if (System.nanoTime() - attemptedAt < refreshNanos) {
            return figures;
        }
        synchronized (this) {
            if (System.nanoTime() - attemptedAt >= refreshNanos) {
                read();
            }
            return figures;
        }
    }

    private void read() {
        try {
            Map<Series, Double> read = queries.read();
            figures = read;
            readAt = System.nanoTime();
            if (failing) {
                log.info("Business figures are read again");
                failing = false;
            }
            registerNew(read.keySet());
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Business figures could not be read; the metrics keep the last ones: {}", e.toString());
                failing = true;
            }
        } finally {
            attemptedAt = System.nanoTime();
        }
    }

    private void registerNew(Collection<Series> series) {
        for (Series one : series) {
            if (!registered.contains(one)) {
                registries.forEach(registry -> register(registry, one));
            }
        }
    }

    private void register(MeterRegistry registry, Series series) {
        Figure figure = series.figure();
        if (figure.counter()) {
            FunctionCounter.builder(figure.meterName(), this, metrics -> metrics.valueOf(series))
                    .description(figure.description())
                    .tags(series.tags())
                    .register(registry);
        } else {
            Gauge.builder(figure.meterName(), this, metrics -> metrics.valueOf(series))
                    .description(figure.description())
                    .tags(series.tags())
                    .register(registry);
        }
        registered.add(series);
    }

    private static List<Series> knownSeries() {
        List<Series> known = new ArrayList<>();
        for (OrderKind kind : OrderKind.values()) {
            known.add(Series.of(Figure.ORDERS_PLACED, "kind", kind.name()));
        }
        for (OrderStatus status : OrderStatus.values()) {
            known.add(Series.of(Figure.ORDERS, "status", status.name()));
        }
        known.add(Series.of(Figure.ALLOCATIONS));
        known.add(Series.of(Figure.ALLOCATED_UNITS));
        for (String cause : BusinessQueries.DELAY_CAUSES) {
            known.add(Series.of(Figure.DELAYS, "cause", cause));
        }
        for (DelayChoice choice : DelayChoice.values()) {
            for (String by : BusinessQueries.DECIDERS) {
                // Silence only ever counts as WAIT.
                if (!by.equals("silence") || choice == DelayChoice.WAIT) {
                    known.add(Series.of(Figure.DECISIONS, "choice", choice.name(), "by", by));
                }
            }
        }
        for (String reason : BusinessQueries.DISPUTE_REASONS) {
            known.add(Series.of(Figure.DISPUTES, "reason", reason));
        }
        for (Channel channel : Channel.values()) {
            for (String status : BusinessQueries.NOTIFICATION_STATUSES) {
                known.add(Series.of(Figure.NOTIFICATIONS, "channel", channel.name(), "status", status));
            }
        }
        known.add(Series.of(Figure.ORDERS_WITHOUT_WORKFLOW));
        for (RebuildTrigger trigger : RebuildTrigger.values()) {
            known.add(Series.of(Figure.ORDERS_REBUILT, "trigger", trigger.name()));
        }
        known.addAll(SurveyFigures.known());
        return known;
    }
}
