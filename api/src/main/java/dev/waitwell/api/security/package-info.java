/**
 * Who may call what: HTTP Basic against the users configured in {@code waitwell.security.users}, with the
 * roles ADMIN, SUPPORT, OPS (read-only) and STOREFRONT (the shop's checkout). Stateless, no sessions, no
 * CSRF (a JSON API without cookies). Refusals are problem details like every other error.
 */
package dev.waitwell.api.security;
