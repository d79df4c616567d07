package dev.waitwell.api.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body taken (JSON or form), Stripe's webhook aside; Tomcat's form limit
 *     ({@code server.tomcat.max-http-form-post-size}) is set from the same variable
 */
@ConfigurationProperties("waitwell")
record BodyLimitProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    static final DataSize SMALLEST = DataSize.ofKilobytes(1);
    static final DataSize LARGEST = DataSize.ofMegabytes(10);

    BodyLimitProperties {
        if (maxBodySize.compareTo(SMALLEST) < 0 || maxBodySize.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("waitwell.max-body-size (WAITWELL_MAX_BODY_SIZE) must be from 1KB to "
                    + "10MB, not " + maxBodySize);
        }
    }
}
