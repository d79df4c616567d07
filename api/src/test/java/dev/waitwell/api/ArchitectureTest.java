package dev.waitwell.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@AnalyzeClasses(packages = "dev.waitwell.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiNeverSeesActivities = noClasses()
            .that()
            .resideInAPackage("dev.waitwell.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.waitwell.activities..")
            .because("the API talks to workflows only; activities belong to the worker");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(RestControllerAdvice.class)
            .or()
            .areAnnotatedWith(Configuration.class)
            .should()
            .notBePublic()
            .because("controllers and configuration are wiring, not API of the module");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoControllers = noClasses()
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(RestController.class)
            .because("controllers are the outer edge: nothing calls them");

    @ArchTest
    static final ArchRule apiDoesNotUseWorkflowImplementations = noClasses()
            .that()
            .resideInAPackage("dev.waitwell.api..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("WorkflowImpl")
            .because("the API starts and updates workflows through their interfaces only");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("dev.waitwell.api.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature package uses another's public types one way only; shared types live in shared");

    @ArchTest
    static final ArchRule sharedUsesNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.waitwell.api.shared..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("dev.waitwell.api..").and(not(resideInAPackage("dev.waitwell.api.shared.."))))
            .because("shared holds what every feature uses; it knows none of them");

    @ArchTest
    static final ArchRule auditUsesOnlyShared = noClasses()
            .that()
            .resideInAPackage("dev.waitwell.api.audit..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.waitwell.api..")
                    .and(not(resideInAnyPackage("dev.waitwell.api.audit..", "dev.waitwell.api.shared.."))))
            .because("every feature records its staff actions on the audit trail, which knows none of them");

    @ArchTest
    static final ArchRule nothingElseUsesCheckout = noClasses()
            .that()
            .resideOutsideOfPackage("dev.waitwell.api.checkout..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.waitwell.api.checkout..")
            .because("the shop's checkout is an audience of orders, built on the order feature, which does not "
                    + "know it");

    @ArchTest
    static final ArchRule nothingElseUsesTheCustomerPage = noClasses()
            .that()
            .resideOutsideOfPackage("dev.waitwell.api.customer..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.waitwell.api.customer..")
            .because("the customer's page is an audience of orders, built on the order feature, which does not "
                    + "know it");
}
