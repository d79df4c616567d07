package dev.waitwell.messages;

/** An email as it goes out: one-line subject, plain text and HTML (sent as multipart/alternative). */
public record RenderedEmail(String subject, String text, String html) {}
