package dev.waitwell.activities.notification;

import java.nio.charset.StandardCharsets;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.order.Customer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Email over SMTP. Spring Boot creates the {@link JavaMailSender} only when {@code spring.mail.host} is set. */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mailSender;
    private final EmailProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, EmailProperties properties) {
        this.mailSender = mailSender.getIfAvailable();
        this.properties = properties;
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
        return EmailTemplates.render(request, recipient);
    }

    @Override
    public String send(Draft draft) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(draft.recipient());
            helper.setSubject(draft.subject());
            helper.setText(draft.body(), false);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot address the message: " + e.getMessage(), true, e);
        }
        try {
            mailSender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryException("message refused: " + e.getMessage(), true, e);
        } catch (MailSendException | MailAuthenticationException e) {
            // The SMTP server answered (or was never reached): the message is not out, a retry may deliver it.
            throw new DeliveryException("SMTP error: " + e.getMessage(), false, e);
        }
        return messageId(message);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
