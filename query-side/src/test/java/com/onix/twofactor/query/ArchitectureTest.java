package com.onix.twofactor.query;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onix.twofactor.query.testing.EventFeed;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.junit.jupiter.api.Test;

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

  /** Each package on its own (a subpackage too): the projections' features stay layered. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.onix.twofactor.(**)").should().beFreeOfCycles();

  // The rules can fail: each catches a class that breaks it.

  @Test
  void publishRuleCatchesAClassThatAppendsEvents() {
    JavaClasses publisher = new ClassFileImporter().importClasses(EventFeed.class);

    assertThatThrownBy(() -> queryNeverPublishesEvents.check(publisher))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("publish");
  }

  @Test
  void commandRuleCatchesAClassThatSendsCommands() {
    JavaClasses sender = new ClassFileImporter().importClasses(CommandSender.class);

    assertThatThrownBy(() -> queryNeverSendsCommands.check(sender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CommandGateway");
  }

  /** What the query side must never contain. */
  static final class CommandSender {
    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
      this.gateway = gateway;
    }

    void send(Object command) {
      gateway.send(command);
    }
  }
}
