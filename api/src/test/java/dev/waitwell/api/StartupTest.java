package dev.waitwell.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the local profile the API has no default accounts and no default link secret: it refuses to start. */
class StartupTest {

    private static final String NO_TEMPORAL_AUTOCONFIGURATION = "spring.autoconfigure.exclude="
            + "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.NonRootNamespaceAutoConfiguration,"
            + "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration";

    @Test
    void refusesToStartWithoutConfiguredUsers() {
        assertThatThrownBy(() -> start("waitwell.security.users=", "waitwell.links.secret=a-long-enough-link-secret"))
                .hasStackTraceContaining("No API users are configured. Set WAITWELL_SECURITY_USERS");
    }

    @Test
    void refusesToStartWithoutALinkSecret() {
        assertThatThrownBy(() -> start("waitwell.security.users=admin:admin:ADMIN", "waitwell.links.secret="))
                .hasStackTraceContaining("Set WAITWELL_LINK_SECRET");
    }

    private static void start(String users, String secret) {
        new SpringApplicationBuilder(ApiApplication.class, TestDatabaseConfig.class, TestTemporal.class)
                .run("--server.port=0", "--" + NO_TEMPORAL_AUTOCONFIGURATION, "--" + users, "--" + secret)
                .close();
    }
}
