package dev.waitwell.api.security;

/** The API's roles. */
final class Roles {

    static final String ADMIN = "ADMIN";
    static final String SUPPORT = "SUPPORT";
    /** Operations: reads everything, changes nothing. */
    static final String OPS = "OPS";
    /** The shop's checkout. */
    static final String STOREFRONT = "STOREFRONT";

    private Roles() {}
}
