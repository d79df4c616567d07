package dev.waitwell.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the local profile the API has no default accounts, no default link secret and no default payment gateway:
 * it refuses to start.
 */
class StartupTest {

    private static final String NO_TEMPORAL_AUTOCONFIGURATION = "spring.autoconfigure.exclude="
            + "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.NonRootNamespaceAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration";

    private static final String USERS = "waitwell.security.users=admin:a-password-of-its-own:ADMIN";
    private static final String SECRET = "waitwell.links.secret=a-long-enough-link-secret";
    private static final String GATEWAY = "waitwell.payments.gateway=sandbox";

    @Test
    void refusesToStartWithoutConfiguredUsers() {
        assertThatThrownBy(() -> start("waitwell.security.users=", SECRET, GATEWAY))
                .hasStackTraceContaining("No API users are configured. Set WAITWELL_SECURITY_USERS");
    }

    @Test
    void refusesToStartWithoutALinkSecret() {
        assertThatThrownBy(() -> start(USERS, "waitwell.links.secret=", GATEWAY))
                .hasStackTraceContaining("Set WAITWELL_LINK_SECRET");
    }

    @Test
    void refusesToStartWithoutAPaymentGatewaySoThatNoStackFakesPaymentsSilently() {
        assertThatThrownBy(() -> start(USERS, SECRET, "waitwell.payments.gateway="))
                .hasStackTraceContaining("No payment gateway is configured. Set WAITWELL_PAYMENTS_GATEWAY");
    }

    private static void start(String... settings) {
        String[] arguments = new String[settings.length + 2];
        arguments[0] = "--server.port=0";
        arguments[1] = "--" + NO_TEMPORAL_AUTOCONFIGURATION;
        for (int i = 0; i < settings.length; i++) {
            arguments[i + 2] = "--" + settings[i];
        }
        new SpringApplicationBuilder(ApiApplication.class, TestDatabaseConfig.class, TestTemporal.class)
                .run(arguments)
                .close();
    }
}
