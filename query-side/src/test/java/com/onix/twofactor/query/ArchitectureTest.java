package com.onix.twofactor.query;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventBus;

/** The query side reads events and writes views; it never touches the command side's model. */
@AnalyzeClasses(
    packages = "com.onix.twofactor.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule queryNeverDependsOnTheCommandSide =
      noClasses()
          .that()
          .resideInAPackage("com.onix.twofactor.query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.onix.twofactor.command..");

  @ArchTest
  static final ArchRule queryNeverSendsCommands =
      noClasses()
          .that()
          .resideInAPackage("com.onix.twofactor.query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.axonframework.commandhandling..");

  @ArchTest
  static final ArchRule queryNeverPublishesEvents =
      noClasses()
          .that()
          .resideInAPackage("com.onix.twofactor.query..")
          .should()
          .callMethodWhere(
              target(name("publish"))
                  .and(target(owner(JavaClass.Predicates.assignableTo(EventBus.class)))));
}
