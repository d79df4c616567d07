package dev.waitwell.activities.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 *       email. Naming Angus Mail's provider makes it one class lookup; where it cannot be loaded, Jakarta Mail falls
 *       back to the service loader as before.
 *   <li>{@code mail.smtp.writetimeout} makes each SMTP connection create a thread pool of its own to time its writes
 *       and shut it down again; one shared scheduler does the same for every connection.
 * </ul>
 */
@Component
class SmtpSetup implements DisposableBean {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";
    static final String WRITE_TIMEOUT_EXECUTOR = "mail.smtp.executor.writetimeout";

    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "smtp-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    SmtpSetup(ObjectProvider<JavaMailSender> mailSender) {
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
