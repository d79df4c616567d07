package dev.waitwell.local;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** The parts of a received email as a customer's client reads them: decoded, line ends as in Java. */
final class MailParts {

    private MailParts() {}

    /** The plain-text part of a multipart/alternative email, or the whole body of a plain one. */
    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof String plain) {
                return plain.replace("\r\n", "\n");
            }
            Multipart parts = (Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return ((String) part.getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("no " + type + " part in " + message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
