package dev.waitwell.activities.notification;

import dev.waitwell.messages.Messages;
import dev.waitwell.messages.RenderedEmail;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.NotificationRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Email over SMTP, as multipart/alternative (plain text and HTML) from the shop's name. Spring Boot creates the
 * {@link JavaMailSender} only when {@code spring.mail.host} is set.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSender mailSender;
    private final EmailProperties properties;
    private final Messages messages;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, EmailProperties properties, Messages messages) {
        this.mailSender = mailSender.getIfAvailable();
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String label() {
        return "email";
    }

    @Override
    public String notConfiguredReason() {
        return mailSender == null ? "email not configured" : null;
    }

    @Override
    public String addressOf(Customer customer) {
        return StringUtils.hasText(customer.email()) ? customer.email() : null;
    }

    @Override
    public Draft draft(NotificationRequest request, String recipient) {
        RenderedEmail email = messages.email(
                request.milestone(),
                request.orderId(),
                request.customer().name(),
                messages.locales().forCustomer(request.customer().locale()),
                request.facts());
        return draft(recipient, email);
    }

    static Draft draft(String recipient, RenderedEmail email) {
        return new Draft(recipient, email.subject(), email.text(), email.html());
    }

    /** On any thread: Jakarta Mail loads the provider {@link SmtpSetup} names through the context class loader. */
    @Override
    public String send(Draft draft) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailSender.class.getClassLoader());
        try {
            return sendWithMailClasses(draft);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private String sendWithMailClasses(Draft draft) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            // WAITWELL_MAIL_FROM may carry a name of its own ("Orders <orders@shop>"): the shop's name replaces it.
            helper.setFrom(
                    new InternetAddress(properties.from()).getAddress(),
                    messages.shop().name());
            helper.setTo(draft.recipient());
            helper.setSubject(draft.subject());
            if (draft.html() == null) {
                helper.setText(draft.body(), false);
            } else {
                message.setContent(alternatives(draft));
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new DeliveryException("cannot address the message: " + e.getMessage(), true, e);
        }
        try {
            mailSender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryException("message refused: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("SMTP error: " + e.getMessage(), false, e);
        } catch (MailSendException e) {
            return afterFailure(message, e);
        }
        return messageId(message);
    }

    /**
     * Where the send stopped decides whether a retry may send it. Not sent: the connection failed (Spring
     * reports that exception as the cause and as the message's failure) or the server answered with a refusal
     * (SendFailedException, e.g. a 4xx): retry. Sent: our message was accepted (no failure recorded for it)
     * and only closing the connection (QUIT) failed. Anything else broke off while the message was being
     * handed over, e.g. the connection dropped after the data before the server's answer: it may be out,
     * so it is not resent (the caller marks it FAILED with the outcome unknown, as for SMS). A lost
     * message is the lesser harm than a duplicate, and the timeline says which one it was.
     */
    private String afterFailure(MimeMessage message, MailSendException e) {
        Exception failure = e.getFailedMessages().get(message);
        if (failure == null) {
            log.warn("Message accepted by the SMTP server; closing the connection failed: {}", e.getMessage());
            return messageId(message);
        }
        if (failure == e.getCause() || failure instanceof SendFailedException) {
            throw new DeliveryException("SMTP error: " + e.getMessage(), false, e);
        }
        throw e;
    }

    /**
     * multipart/alternative, plain text first and HTML last: a client shows the last part it can render. (Spring's
     * helper would wrap the two in multipart/related, for inline images this mail has none of.)
     */
    private static MimeMultipart alternatives(Draft draft) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(draft.body(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(draft.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        return alternatives;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
