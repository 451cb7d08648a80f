package com.onix.twofactor.kernel.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.audit.Secret;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every event of the contract has one stable name of its own, and docs/events.md describes it. */
class EventCatalogueTest {

  private static final Path CATALOGUE = Path.of("..", "docs", "events.md");

  @Test
  void everyEventClassOfTheKernelHasAnEventType() {
    Set<Class<?>> events =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.onix.twofactor.kernel")
                .stream()
                .filter(c -> c.isAssignableTo(OrganizationScoped.class) && !c.isInterface())
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());

    assertThat(events).hasSizeGreaterThanOrEqualTo(19);
    assertThat(Arrays.stream(EventType.values()).map(EventType::type))
        .containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void storedNamesAreUniqueAndShapedAsTheContractNamesThem() {
    List<String> names = Arrays.stream(EventType.values()).map(EventType::storedName).toList();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).allMatch(name -> name.matches("twofactor(\\.[a-z]+(-[a-z]+)*){2}"));
  }

  @Test
  void storedNamesAreNeverJavaClassNames() {
    for (EventType type : EventType.values()) {
      assertThat(type.storedName()).isNotEqualTo(type.type().getName());
      assertThat(EventType.ofStored(type.storedName())).contains(type);
    }
  }

  @Test
  void historyNamesAndClassNamesStoredBeforeAreUniqueAndReadAsTheirType() {
    assertThat(Arrays.stream(EventType.values()).map(EventType::historyName))
        .doesNotHaveDuplicates();
    assertThat(Arrays.stream(EventType.values()).map(EventType::classNameBefore))
        .doesNotHaveDuplicates();
    for (EventType type : EventType.values()) {
      assertThat(EventType.ofStored(type.classNameBefore())).contains(type);
      assertThat(EventType.ofHistoryName(type.historyName())).contains(type);
    }
  }

  @Test
  void theCatalogueDescribesEveryEventItsFieldsAndItsSecrets() throws IOException {
    String catalogue = Files.readString(CATALOGUE);
    for (EventType type : EventType.values()) {
      String section = section(catalogue, type.storedName());
      assertThat(section)
          .as(type.storedName())
          .contains("`" + type.historyName() + "`")
          .contains("`" + type.aggregate().storedName() + "`");
      for (RecordComponent field : type.type().getRecordComponents()) {
        String row =
            section
                .lines()
                .filter(line -> line.startsWith("| `" + field.getName() + "`"))
                .findFirst()
                .orElse("");
        assertThat(row).as(type.storedName() + "." + field.getName()).isNotEmpty();
        assertThat(row.contains("**secret**"))
            .as(type.storedName() + "." + field.getName() + " marked secret")
            .isEqualTo(field.isAnnotationPresent(Secret.class));
      }
    }
  }

  @Test
  void theCatalogueNamesNoEventThatDoesNotExist() throws IOException {
    Set<String> documented =
        Files.readString(CATALOGUE)
            .lines()
            .filter(line -> line.startsWith("### `twofactor."))
            .map(line -> line.substring(5, line.indexOf('`', 5)))
            .collect(Collectors.toSet());

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values()).map(EventType::storedName).toList());
  }

  @Test
  void theOfflineExportVerifierKnowsTheHistoryTypeOfEveryStableName() throws IOException {
    String verifier = Files.readString(Path.of("..", "docs", "verify_audit_export.py"));
    List<String> entries =
        verifier
            .lines()
            .filter(line -> line.startsWith("    \"twofactor."))
            .map(String::strip)
            .toList();

    assertThat(entries)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values())
                .map(t -> "\"" + t.storedName() + "\": \"" + t.historyName() + "\",")
                .toList());
  }

  /** From the event's heading to the next heading. */
  private static String section(String catalogue, String storedName) {
    String heading = "### `" + storedName + "`";
    int start = catalogue.indexOf(heading);
    assertThat(start).as("a section " + heading).isNotNegative();
    int end = catalogue.indexOf("\n#", start + heading.length());
    return catalogue.substring(start, end < 0 ? catalogue.length() : end);
  }
}
