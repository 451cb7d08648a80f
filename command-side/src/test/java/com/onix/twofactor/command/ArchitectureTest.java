package com.onix.twofactor.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

  private static JavaClasses commandSide;

  /** A REST controller, or a class nested in one (its request and response records). */
  private static final DescribedPredicate<JavaClass> CONTROLLERS =
      DescribedPredicate.describe(
          "controllers",
          javaClass ->
              javaClass.isAnnotatedWith(RestController.class)
                  || javaClass
                      .getEnclosingClass()
                      .map(outer -> outer.isAnnotatedWith(RestController.class))
                      .orElse(false));

  @BeforeAll
  static void importCommandSide() {
    commandSide =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.onix.twofactor.command");
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("com.onix.twofactor.(**)").should().beFreeOfCycles().check(commandSide);
  }

  @Test
  void theCommandSideNeverUsesTheQuerySide() {
    noClasses()
        .that()
        .resideInAPackage("com.onix.twofactor.command..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.onix.twofactor.query..")
        .check(commandSide);
  }

  @Test
  void theAggregatesPackagesUseTheWebLayerOnlyInTheirControllers() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.onix.twofactor.command.organization..", "com.onix.twofactor.command.user..")
        .and(DescribedPredicate.not(CONTROLLERS))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..command.web..")
        .check(commandSide);
  }

  @Test
  void aggregatesKnowNothingOfHttp() {
    noClasses()
        .that()
        .areAnnotatedWith(Aggregate.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..command.web..",
            "org.springframework.web..",
            "org.springframework.http..",
            "jakarta.servlet..",
            "com.onix.twofactor.support.web..",
            "com.onix.twofactor.support.security..")
        .check(commandSide);
  }
}
