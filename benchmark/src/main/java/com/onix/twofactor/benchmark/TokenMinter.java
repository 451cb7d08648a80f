package com.onix.twofactor.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tokens from {@code java -jar command-side.jar token ...}, the entry point behind {@code ./onix
 * token}: signed with the development key of the data directory both services were started on.
 */
final class TokenMinter {

  private static final String TTL_SECONDS = "86400";
  private final Path commandJar;

  TokenMinter(Path commandJar) {
    this.commandJar = commandJar;
  }

  String mint(String subject, String organizationId, String... roles) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(commandJar.toString());
    command.add("token");
    for (String role : roles) {
      command.add("--role");
      command.add(role);
    }
    if (organizationId != null) {
      command.add("--org");
      command.add(organizationId);
    }
    command.addAll(List.of("--sub", subject, "--ttl", TTL_SECONDS));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("token for " + subject + " failed: " + err.strip());
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + commandJar + " token", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
