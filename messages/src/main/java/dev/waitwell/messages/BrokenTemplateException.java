package dev.waitwell.messages;

/**
 * A template or a bundle's word that cannot be rendered: its file, and the engine's words on what and where (line,
 * column), or the key.
 */
public final class BrokenTemplateException extends RuntimeException {

    /** @param what "template /path/email/X.html" or "bundle /path/messages_de.properties (key k)" */
    BrokenTemplateException(String what, Exception cause) {
        super(what + " cannot be rendered: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder words = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !words.toString().contains(cause.getMessage())) {
                words.append(": ").append(cause.getMessage());
            }
        }
        return words.toString();
    }
}
