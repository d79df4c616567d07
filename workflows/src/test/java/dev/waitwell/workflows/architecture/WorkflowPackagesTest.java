package dev.waitwell.workflows.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the workflows module: feature packages depend one way, the order workflow sits on top of the steps
 * it runs, and the steps share the run's state through {@code lifecycle}, never through the workflow itself.
 */
class WorkflowPackagesTest {

    private static final String ROOT = "dev.waitwell.workflows";

    private static JavaClasses workflows;

    @BeforeAll
    static void importWorkflowCode() {
        workflows = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(workflows);
    }

    @Test
    void nothingButTheOrderPackageKnowsTheOrderWorkflow() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".order..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".order..")
                .because("steps receive the run's shared state (lifecycle.OrderRun), never the workflow")
                .check(workflows);
    }

    @Test
    void theRunsSharedStateKnowsNoStep() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".lifecycle..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".order..",
                        ROOT + ".payment..",
                        ROOT + ".delay..",
                        ROOT + ".inventory..",
                        ROOT + ".preorder..",
                        ROOT + ".backorder..",
                        ROOT + ".ledger..")
                .check(workflows);
    }

    @Test
    void sharedValueTypesDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".shared..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(ROOT + ".shared..", "java..", "io.temporal..", "com.fasterxml.jackson..")
                .check(workflows);
    }
}
