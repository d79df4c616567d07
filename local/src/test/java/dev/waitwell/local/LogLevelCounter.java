package dev.waitwell.local;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standard output, counting the worker's and the API's ERROR and WARN lines on the way through. The child JVMs'
 * output reaches the test JVM's standard output line by line with the process's name in front ({@code ChildJvm}),
 * which keeps the stream it found when it was first used: this must be installed before the system starts. The
 * level is the field after the timestamp in Spring Boot's console lines.
 */
final class LogLevelCounter extends PrintStream {

    private static final Pattern CHILD_LINE = Pattern.compile("^(worker|api)\\s*\\| \\S+\\s+(ERROR|WARN)\\s");

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private LogLevelCounter(PrintStream out) {
        super(out, true);
    }

    /** Puts a counter in front of {@link System#out}; answers it. */
    static LogLevelCounter install() {
        LogLevelCounter counter = new LogLevelCounter(System.out);
        System.setOut(counter);
        return counter;
    }

    /** Lines of {@code process} ({@code worker}, {@code api}) logged at {@code level} ({@code ERROR}, {@code WARN}). */
    long count(String process, String level) {
        AtomicLong count = counts.get(process + " " + level);
        return count == null ? 0 : count.get();
    }

    @Override
    public void println(String line) {
        if (line != null) {
            Matcher child = CHILD_LINE.matcher(line);
            if (child.find()) {
                counts.computeIfAbsent(child.group(1) + " " + child.group(2), key -> new AtomicLong())
                        .incrementAndGet();
            }
        }
        super.println(line);
    }
}
