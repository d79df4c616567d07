package dev.waitwell.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void embedsPostgresAndTemporalUnlessTheEnvironmentPointsElsewhere() {
        LocalSettings defaults = LocalSettings.fromEnvironment(Map.of());
        LocalSettings external = LocalSettings.fromEnvironment(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/waitwell",
                "TEMPORAL_ADDRESS", "temporal:7233"));

        assertThat(defaults.embeddedPostgres()).isTrue();
        assertThat(defaults.embeddedTemporal()).isTrue();
        assertThat(external.embeddedPostgres()).isFalse();
        assertThat(external.embeddedTemporal()).isFalse();
        assertThat(external.externalTemporalAddress()).isEqualTo("temporal:7233");
    }

    @Test
    void treatsBlankVariablesAsUnset() {
        LocalSettings settings = LocalSettings.fromEnvironment(Map.of("SPRING_DATASOURCE_URL", " ", "SERVER_PORT", ""));

        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.serverPort()).isEqualTo(8080);
    }

    @Test
    void leavesTheWorkersManagementPortToTheRunUnlessOneIsAskedFor() {
        assertThat(LocalSettings.fromEnvironment(Map.of()).workerManagementPort())
                .isNull();
        assertThat(LocalSettings.fromEnvironment(Map.of("WAITWELL_WORKER_MANAGEMENT_PORT", " "))
                        .workerManagementPort())
                .isNull();
        assertThat(LocalSettings.fromEnvironment(Map.of("WAITWELL_WORKER_MANAGEMENT_PORT", "9181"))
                        .workerManagementPort())
                .isEqualTo(9181);
    }

    @Test
    void keepsDataUnderTheProjectRootUnlessToldOtherwise() {
        Path root = Path.of("").toAbsolutePath();

        assertThat(LocalSettings.fromEnvironment(Map.of()).dataDir()).isEqualTo(root.resolve(".waitwell"));
        assertThat(LocalSettings.fromEnvironment(Map.of("WAITWELL_LOCAL_DATA_DIR", "/tmp/ww"))
                        .dataDir())
                .isEqualTo(Path.of("/tmp/ww"));
        assertThat(LocalSettings.fromEnvironment(Map.of("SERVER_PORT", "9090")).apiBaseUrl())
                .isEqualTo("http://localhost:9090");
    }
}
