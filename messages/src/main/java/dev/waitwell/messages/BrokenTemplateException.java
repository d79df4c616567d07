package dev.waitwell.messages;

/** A template that cannot be rendered: its file, and the engine's words on what and where (line, column). */
public final class BrokenTemplateException extends RuntimeException {

    BrokenTemplateException(String file, Exception cause) {
        super("template " + file + " cannot be rendered: " + rootMessage(cause), cause);
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
