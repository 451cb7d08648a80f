package com.onix.twofactor.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document the code or the docs cite is in the repository: a {@code .md} named in a source
 * file (a comment, an API description), at the repository's top or under docs/, and every relative
 * link of a Markdown file, from that file's directory.
 */
class DocumentCitationsTest {

  private static final Pattern CITED_DOCUMENT = Pattern.compile("([\\w./-]*[\\w-]+\\.md)\\b");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules", "data");

  /** ".md", built so that this file's own fixtures cite nothing. */
  private static final String MD = "." + "md";

  @TempDir Path scratch;

  @Test
  void everyDocumentTheRepositoryCitesExists() {
    assertThat(missingCitations(RepositoryRoot.find())).isEmpty();
  }

  @Test
  void aCommentCitingADocumentOutsideTheRepositoryIsFound() throws IOException {
    Files.createDirectories(scratch.resolve("docs"));
    Files.writeString(scratch.resolve("docs/design" + MD), "# Design");
    Files.writeString(
        scratch.resolve("A.java"),
        "/** As docs/design" + MD + " and API" + MD + " say. */ class A {}");

    assertThat(missingCitations(scratch)).containsExactly("A.java cites API" + MD);
  }

  @Test
  void aBrokenMarkdownLinkIsFound() throws IOException {
    Files.createDirectories(scratch.resolve("docs"));
    Files.writeString(scratch.resolve("docs/design" + MD), "# Design");
    Files.writeString(
        scratch.resolve("README" + MD),
        "[design](docs/design"
            + MD
            + "#shape), [web](https://example.org/x"
            + MD
            + "), [gone](docs/gone"
            + MD
            + ")");

    assertThat(missingCitations(scratch)).containsExactly("README.md links to docs/gone" + MD);
  }

  static List<String> missingCitations(Path root) {
    List<String> missing = new ArrayList<>();
    for (Path file : files(root)) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".md") && !name.endsWith(".java")) {
        continue;
      }
      String text = read(file);
      String where = root.relativize(file).toString();
      if (name.endsWith(".md")) {
        Matcher link = MARKDOWN_LINK.matcher(text);
        while (link.find()) {
          String target = link.group(1).replaceFirst("#.*", "");
          if (!target.isEmpty()
              && !target.contains("://")
              && !target.startsWith("mailto:")
              && !Files.exists(file.getParent().resolve(target))) {
            missing.add(where + " links to " + target);
          }
        }
      } else if (name.endsWith(".java")) {
        Matcher cited = CITED_DOCUMENT.matcher(text);
        while (cited.find()) {
          String document = cited.group(1);
          if (!Files.exists(root.resolve(document))
              && !Files.exists(root.resolve("docs").resolve(document))) {
            missing.add(where + " cites " + document);
          }
        }
      }
    }
    return missing;
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> !skipped(root.relativize(path)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
