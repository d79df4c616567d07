package dev.waitwell.workflows.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflow code must replay identically: no clocks, randomness, threads or I/O, and nothing from
 * Spring. Time, ids and logging come from {@code Workflow.*}.
 */
class WorkflowDeterminismTest {

    private static JavaClasses workflows;

    @BeforeAll
    static void importWorkflowCode() {
        workflows = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.waitwell.workflows");
    }

    @Test
    void readsNoClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("workflow time is Workflow.currentTimeMillis()")
                .check(workflows);
    }

    @Test
    void usesNoRandomnessOrThreads() {
        noClasses()
                .should()
                .callMethod(UUID.class, "randomUUID")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Random.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Thread.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("java.util.concurrent..")
                .because("randomness and threads break replay; use Workflow.randomUUID() and Async/Promise")
                .check(workflows);
    }

    @Test
    void doesNoIoAndKnowsNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "java.net..",
                        "java.io..",
                        "java.nio..",
                        "com.twilio..",
                        "jakarta..")
                .orShould()
                .callMethod(org.slf4j.LoggerFactory.class, "getLogger", Class.class)
                .because("workflow code is pure orchestration: I/O belongs in activities, logs in Workflow.getLogger")
                .check(workflows);
    }
}
