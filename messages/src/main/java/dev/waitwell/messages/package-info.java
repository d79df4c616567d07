/**
 * What customers read, in the shop's name and their language: Thymeleaf templates for every milestone's email
 * (subject, plain text, HTML) and SMS, and for the customer's order page; the words live in message bundles per
 * language (English, German, French ship; a word missing in a language falls back to English), the shop's own
 * files in {@code WAITWELL_TEMPLATES_DIR} replace the built-in ones by name and language, and every template is
 * rendered with sample facts at start-up so a broken one stops the start, never a send weeks later.
 */
package dev.waitwell.messages;
