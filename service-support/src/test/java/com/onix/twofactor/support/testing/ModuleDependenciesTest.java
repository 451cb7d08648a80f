package com.onix.twofactor.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The modules depend on each other as docs/design.md's table says, no more and no less: each
 * module's pom.xml declares exactly the modules of this repository its row names.
 */
class ModuleDependenciesTest {

  private static final String GROUP = "com.onix.twofactor";
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]*)\\|");
  private static final Pattern MODULE = Pattern.compile("`([a-z-]+)`");

  @Test
  void everyModuleDependsOnWhatTheDesignSays() {
    Path root = RepositoryRoot.find();
    Map<String, Set<String>> designed = designed(root.resolve("docs/design.md"));

    assertThat(designed).containsKeys("shared-kernel", "command-side", "query-side");
    Map<String, Set<String>> declared = new TreeMap<>();
    for (String module : designed.keySet()) {
      declared.put(module, declared(root.resolve(module).resolve("pom.xml")));
    }
    assertThat(declared).isEqualTo(designed);
  }

  @Test
  void everyModuleOfTheBuildHasARowInTheDesign() {
    Path root = RepositoryRoot.find();

    assertThat(designed(root.resolve("docs/design.md")).keySet())
        .containsExactlyInAnyOrderElementsOf(modules(root.resolve("pom.xml")));
  }

  static Map<String, Set<String>> designed(Path design) {
    Map<String, Set<String>> modules = new TreeMap<>();
    for (String line : lines(design)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        Set<String> dependencies = new TreeSet<>();
        Matcher module = MODULE.matcher(row.group(2));
        while (module.find()) {
          dependencies.add(module.group(1));
        }
        modules.put(row.group(1), dependencies);
      }
    }
    return modules;
  }

  private static Set<String> declared(Path pom) {
    Set<String> modules = new TreeSet<>();
    NodeList dependencies = parse(pom).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (GROUP.equals(text(dependency, "groupId"))) {
        modules.add(text(dependency, "artifactId"));
      }
    }
    return modules;
  }

  private static Set<String> modules(Path parentPom) {
    Set<String> modules = new TreeSet<>();
    NodeList listed = parse(parentPom).getElementsByTagName("module");
    for (int i = 0; i < listed.getLength(); i++) {
      modules.add(listed.item(i).getTextContent().strip());
    }
    return modules;
  }

  private static String text(Element element, String child) {
    NodeList found = element.getElementsByTagName(child);
    return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
  }

  private static Element parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(pom.toFile())
          .getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static java.util.List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
