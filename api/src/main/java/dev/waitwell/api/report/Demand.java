package dev.waitwell.api.report;

import dev.waitwell.api.report.DemandReport.Backordered;
import dev.waitwell.api.report.DemandReport.Day;
import dev.waitwell.api.shared.BusinessProblems;
import dev.waitwell.api.shared.WaitwellProperties;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A product's demand over the last {@value #DAYS} days and the reorder it suggests. */
@Component
class Demand {

    static final int DAYS = 28;
    static final int DEFAULT_LEAD_TIME_DAYS = 14;
    private static final int MOST_BACKORDERED = 10;

    private final JdbcClient jdbc;
    private final WaitwellProperties properties;
    private final Clock clock;
    private final BackorderCauses causes;

    Demand(JdbcClient jdbc, WaitwellProperties properties, Clock clock, BackorderCauses causes) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.causes = causes;
    }

    DemandReport of(String sku) {
        Stock stock = stock(sku);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate first = today.minusDays(DAYS - 1);
        List<Day> days = days(sku, first, today);
        BigDecimal level = Smoothing.level(days.stream().map(Day::units).toList());
        Long averageLead = leadTimeDays(sku);
        long lead = averageLead == null ? DEFAULT_LEAD_TIME_DAYS : averageLead;
        long forecast = level.multiply(BigDecimal.valueOf(lead))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        long waiting = stock.backordered() + stock.preordered();
        long suggested = Math.max(0, forecast + waiting - stock.onHand() - stock.incoming());
        return new DemandReport(
                sku,
                today,
                days,
                Smoothing.ALPHA,
                level.setScale(Ratio.RATE_SCALE, RoundingMode.HALF_UP),
                lead,
                averageLead != null,
                forecast,
                waiting,
                stock.backordered(),
                stock.preordered(),
                stock.onHand(),
                stock.incoming(),
                suggested,
                mostBackordered(first, today));
    }

    private Stock stock(String sku) {
        return jdbc.sql("""
                        SELECT p.on_hand, p.backordered, p.preordered,
                               (SELECT coalesce(sum(po.quantity - po.received), 0) FROM purchase_orders po
                                 WHERE po.sku = p.sku AND po.received < po.quantity) AS incoming
                          FROM products p WHERE p.sku = ?""")
                .param(sku)
                .query(Stock.class)
                .optional()
                .orElseThrow(() -> BusinessProblems.of(BusinessFailure.PRODUCT_NOT_FOUND, "No product " + sku + "."));
    }

    /** Every day of the window, the quiet ones with zeros: the smoothing needs them. */
    private List<Day> days(String sku, LocalDate first, LocalDate today) {
        Map<LocalDate, Day> ordered = jdbc
                .sql("""
                        SELECT (placed_at AT TIME ZONE :zone)::date AS date, count(*) AS orders, sum(quantity) AS units
                          FROM orders
                         WHERE sku = :sku AND placed_at >= :from AND placed_at < :to
                         GROUP BY 1""")
                .param("zone", properties.zone().getId())
                .param("sku", sku)
                .param(
                        "from",
                        Timestamp.from(first.atStartOfDay(properties.zone()).toInstant()))
                .param(
                        "to",
                        Timestamp.from(today.plusDays(1)
                                .atStartOfDay(properties.zone())
                                .toInstant()))
                .query(Day.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Day::date, day -> day));
        return first.datesUntil(today.plusDays(1))
                .map(date -> ordered.getOrDefault(date, new Day(date, 0, 0)))
                .toList();
    }

    /** Average of (expected date - day created) over the sku's purchase orders, rounded up; null when none. */
    private Long leadTimeDays(String sku) {
        BigDecimal average = jdbc.sql("""
                        SELECT avg(po.expected_date - (po.created_at AT TIME ZONE :zone)::date)
                          FROM purchase_orders po WHERE po.sku = :sku""")
                .param("zone", properties.zone().getId())
                .param("sku", sku)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return average == null
                ? null
                : Math.max(0, average.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    private List<Backordered> mostBackordered(LocalDate first, LocalDate today) {
        Timestamp from = Timestamp.from(first.atStartOfDay(properties.zone()).toInstant());
        Timestamp to =
                Timestamp.from(today.plusDays(1).atStartOfDay(properties.zone()).toInstant());
        List<Top> top = jdbc.sql("""
                        SELECT sku, count(*) AS backorders, sum(quantity) AS units
                          FROM orders
                         WHERE kind = 'BACKORDER' AND placed_at >= :from AND placed_at < :to
                         GROUP BY sku
                         ORDER BY backorders DESC, units DESC, sku
                         LIMIT :limit""")
                .param("from", from)
                .param("to", to)
                .param("limit", MOST_BACKORDERED)
                .query(Top.class)
                .list();
        Map<String, DemandReport.Why> why = causes.of(top.stream().map(Top::sku).toList(), from, to);
        return top.stream()
                .map(row -> new Backordered(row.sku(), row.backorders(), row.units(), why.get(row.sku())))
                .toList();
    }

    private record Top(String sku, long backorders, long units) {}

    record Stock(long onHand, long backordered, long preordered, long incoming) {}
}
