package dev.waitwell.activities.notification;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Two settings of Jakarta Mail that cost the worker a tenth of its CPU on launch day when left as they are (measured
 * with JFR on the launch-day benchmark, docs/benchmarks.md):
 *
 * <ul>
 *   <li>Every MIME part asks {@code StreamProvider.provider()} for its encoder, which, unless a system property names
 *       the implementation, runs a {@code ServiceLoader} over every jar of the application: some fifteen times an
 *       email. Naming Angus Mail's provider makes it one class lookup, through the thread's context class loader;
 *       Jakarta Mail does not fall back to the service loader when that cannot load it, so {@link EmailSender} builds
 *       and sends each message with its own class loader as the context one (in a Spring Boot jar, a thread of the
 *       common fork-join pool, say, has the system class loader, which does not see the jars inside).
 *   <li>{@code mail.smtp.writetimeout} makes each SMTP connection create a thread pool of its own to time its writes
 *       and shut it down again; one shared scheduler does the same for every connection.
 * </ul>
 */
@Component
class SmtpSetup implements DisposableBean {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";
    static final String WRITE_TIMEOUT_EXECUTOR = "mail.smtp.executor.writetimeout";

    private final ScheduledThreadPoolExecutor writeTimeouts = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "smtp-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    SmtpSetup(ObjectProvider<JavaMailSender> mailSender) {
        // Each write schedules its timeout and cancels it once written: thousands a second on launch day, which would
        // otherwise wait in the queue until they were due.
        writeTimeouts.setRemoveOnCancelPolicy(true);
        System.getProperties().putIfAbsent(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        if (mailSender.getIfAvailable() instanceof JavaMailSenderImpl sender) {
            sender.getJavaMailProperties().putIfAbsent(WRITE_TIMEOUT_EXECUTOR, writeTimeouts);
        }
    }

    @Override
    public void destroy() {
        writeTimeouts.shutdownNow();
    }
}
