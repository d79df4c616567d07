package dev.waitwell.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waitwell.security.*}.
 *
 * @param users the API's accounts, {@code name:password:ROLE[,ROLE];...} ({@code WAITWELL_SECURITY_USERS}); no
 *     default outside the local profile: {@link ApiUsers} refuses to start without them, and says how to set them
 */
@ConfigurationProperties("waitwell.security")
record ApiSecurityProperties(String users) {

    /** Never the passwords: a record's own toString would print them wherever the properties are logged. */
    @Override
    public String toString() {
        return "ApiSecurityProperties[users=" + (users == null || users.isBlank() ? "none" : "(hidden)") + "]";
    }
}
