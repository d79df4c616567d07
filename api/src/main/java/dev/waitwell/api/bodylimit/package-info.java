/**
 * Request body limits: every body is refused with 413 {@code PAYLOAD_TOO_LARGE} once it is larger than
 * {@code waitwell.max-body-size} (Stripe's webhook: 1 MiB), before it is read, before any login or customer token is
 * checked: by its {@code Content-Length}, or, for a chunked body, as soon as the bytes read pass the limit.
 */
package dev.waitwell.api.bodylimit;
