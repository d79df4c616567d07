package dev.waitwell.activities.recovery;

import dev.waitwell.activities.recovery.OrderRows.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far an order's timeline keys went, so that a resumed run's keys are new ones. Stable keys say what happened and
 * its occurrence ({@code status:AWAITING_STOCK#2}, {@code event:PAYMENT_DECLINED#1}); the older position keys
 * ({@code status-7}, {@code event-8}) are numbered across the order.
 */
final class TimelineCounts {

    private static final Pattern STABLE = Pattern.compile("((?:status|event):[A-Z0-9_]+)#(\\d+)");
    private static final Pattern POSITION = Pattern.compile("(?:status|event)-(\\d+)");
    private static final String STATUS_TYPE = "STATUS_";

    private TimelineCounts() {}

    /**
     * For each kind of entry ({@code status:<STATUS>}, {@code event:<TYPE>}), the greater of how many rows of it the
     * timeline has (whoever wrote them, under whatever key) and the highest occurrence its stable keys used.
     */
    static Map<String, Integer> of(List<Event> events) {
        Map<String, Integer> counts = new HashMap<>();
        for (Event event : events) {
            counts.merge(kindOf(event.type()), 1, Integer::sum);
        }
        for (Event event : events) {
            Matcher stable = STABLE.matcher(event.key());
            if (stable.matches()) {
                counts.merge(stable.group(1), Integer.parseInt(stable.group(2)), Math::max);
            }
        }
        return counts;
    }

    /** The highest number a position key used; 0 when none did. */
    static int lastEventSequence(List<Event> events) {
        return PaymentHistory.highestNumber(events.stream().map(Event::key).toList(), POSITION);
    }

    private static String kindOf(String type) {
        return type.startsWith(STATUS_TYPE) ? "status:" + type.substring(STATUS_TYPE.length()) : "event:" + type;
    }
}
