package com.onix.twofactor.eventstore;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every package on its own (a subpackage too): none depends on itself through others. */
@AnalyzeClasses(
    packages = "com.onix.twofactor.eventstore",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.onix.twofactor.(**)").should().beFreeOfCycles();
}
