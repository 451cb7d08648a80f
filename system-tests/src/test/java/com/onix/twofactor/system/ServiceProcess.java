package com.onix.twofactor.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the packaged services, run as its own JVM exactly as {@code ./onix up} runs it. */
final class ServiceProcess implements AutoCloseable {

  static final Path COMMAND_JAR = Path.of(System.getProperty("onix.commandJar"));
  static final Path QUERY_JAR = Path.of(System.getProperty("onix.queryJar"));
  static final Path PROMPT_JAR = Path.of(System.getProperty("onix.promptJar"));
  static final Path CONSOLE_JAR = Path.of(System.getProperty("onix.consoleJar"));

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> env, String... jvmOptions)
      throws IOException, InterruptedException {
    Path logs = Path.of(env.get("ONIX_DATA_DIR")).resolve("logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(jvmOptions)); // a later -Xmx wins
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    ServiceProcess service = new ServiceProcess(name, builder.start(), port, log);
    service.awaitHealthy();
    return service;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited while starting:\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not become healthy:\n" + Files.readString(log));
  }

  /** {@code kill -9}: no shutdown hook, no flush, nothing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** {@code kill -TERM}, as Ctrl-C in {@code ./onix up} does. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
