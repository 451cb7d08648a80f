package com.onix.twofactor.kernel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onix.twofactor.kernel.archfixture.UsesAnotherAxonAnnotation;
import com.onix.twofactor.kernel.archfixture.UsesOnlyTheTargetAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The shared kernel is the contract between the sides: plain Java records, with Axon's
 * {@code @TargetAggregateIdentifier} as the one concession. No Spring, Mongo, Jackson or other
 * Axon.
 */
class KernelDependencyRulesTest {

  static final ArchRule KERNEL_DEPENDS_ONLY_ON_JAVA_AND_THE_TARGET_ANNOTATION =
      classes()
          .that()
          .resideInAPackage("com.onix.twofactor.kernel..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("java..")
                  .or(resideInAPackage("com.onix.twofactor.kernel.."))
                  .or(type(TargetAggregateIdentifier.class)));

  @Test
  void kernelClassesDependOnNothingButJavaAndTargetAggregateIdentifier() {
    JavaClasses kernel =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.onix.twofactor.kernel");

    KERNEL_DEPENDS_ONLY_ON_JAVA_AND_THE_TARGET_ANNOTATION.check(kernel);
  }

  @Test
  void theRuleAcceptsAClassUsingOnlyTheTargetAnnotation() {
    JavaClasses sample = new ClassFileImporter().importClasses(UsesOnlyTheTargetAnnotation.class);

    assertThatCode(() -> KERNEL_DEPENDS_ONLY_ON_JAVA_AND_THE_TARGET_ANNOTATION.check(sample))
        .doesNotThrowAnyException();
  }

  @Test
  void theRuleRejectsAClassUsingAnyOtherAxonType() {
    JavaClasses sample = new ClassFileImporter().importClasses(UsesAnotherAxonAnnotation.class);

    assertThatThrownBy(() -> KERNEL_DEPENDS_ONLY_ON_JAVA_AND_THE_TARGET_ANNOTATION.check(sample))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("AggregateIdentifier");
  }
}
