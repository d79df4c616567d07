package dev.waitwell.activities.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.temporal.activity.ActivityInterface;

/**
 * The shape of the activities module: feature packages depend one way, activities implement the contracts the
 * workflows module declares and never act as workflows, and money is never a floating-point number.
 */
@AnalyzeClasses(packages = "dev.waitwell.activities", importOptions = ImportOption.DoNotIncludeTests.class)
class ActivitiesArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("dev.waitwell.activities.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule activitiesNeverUseWorkflowApis = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.waitwell.activities.preorder.ReleaseSignals")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.temporal.workflow..", "io.temporal.client..")
            .because("activities do I/O and are retried by the workflows that call them; they never orchestrate"
                    + " (ReleaseSignals only hands orders the release, a signal each: issue #11)");

    @ArchTest
    static final ArchRule releaseSignalsOnlySignal = noClasses()
            .that()
            .haveFullyQualifiedName("dev.waitwell.activities.preorder.ReleaseSignals")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.temporal.workflow..")
            .because("the release's telling sends signals; it starts and waits for no workflow");

    @ArchTest
    static final ArchRule implementationsImplementAContractOfTheWorkflowsModule = classes()
            .that()
            .haveSimpleNameEndingWith("ActivitiesImpl")
            .should(implementAnActivityContractOfTheWorkflowsModule())
            .because("a workflow and the activities it calls share one contract, declared next to the workflow");

    @ArchTest
    static final ArchRule noContractsDeclaredHere = noClasses()
            .should()
            .beAnnotatedWith(ActivityInterface.class)
            .because("activity contracts belong to the workflows module, which the API and tests see too");

    @ArchTest
    static final ArchRule implementationsAreNotPublic = classes()
            .that()
            .haveSimpleNameEndingWith("ActivitiesImpl")
            .should()
            .notBePublic()
            .because("the worker finds activity beans by name; nothing calls an implementation directly");

    @ArchTest
    static final ArchRule onlyPaymentsTalkToStripe = noClasses()
            .that()
            .resideOutsideOfPackage("dev.waitwell.activities.payment..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.stripe..")
            .because("the payment gateway is the one place that knows the processor");

    @ArchTest
    static final ArchRule moneyIsNeverFloatingPoint = fields().that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage("..payment..", "..ledger..")
            .should()
            .notHaveRawType(double.class)
            .andShould()
            .notHaveRawType(float.class)
            .andShould()
            .notHaveRawType(Double.class)
            .andShould()
            .notHaveRawType(Float.class)
            .because("money is integer minor units with a currency");

    private static ArchCondition<JavaClass> implementAnActivityContractOfTheWorkflowsModule() {
        return new ArchCondition<>("implement an @ActivityInterface of dev.waitwell.workflows") {
            @Override
            public void check(JavaClass implementation, ConditionEvents events) {
                boolean implementsContract = implementation.getAllRawInterfaces().stream()
                        .anyMatch(contract -> contract.isAnnotatedWith(ActivityInterface.class)
                                && contract.getPackageName().startsWith("dev.waitwell.workflows."));
                if (!implementsContract) {
                    events.add(SimpleConditionEvent.violated(
                            implementation,
                            implementation.getName() + " implements no activity contract of the workflows module"));
                }
            }
        };
    }

    @ArchTest
    static final ArchRule noWebLayer = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .because("the API is the only web layer; activities are called by Temporal");
}
