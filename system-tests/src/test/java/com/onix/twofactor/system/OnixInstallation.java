package com.onix.twofactor.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One installation of the service on the embedded store: a data directory (which holds the store's
 * socket) and the ports both services use, which outlive the processes so a restart finds the same
 * data.
 */
final class OnixInstallation {

  final Path dataDirectory;
  final int commandPort;
  final int queryPort;
  final int promptPort;
  final int consolePort;

  OnixInstallation(Path dataDirectory) throws IOException {
    this.dataDirectory = dataDirectory;
    this.commandPort = ServiceProcess.freePort();
    this.queryPort = ServiceProcess.freePort();
    this.promptPort = ServiceProcess.freePort();
    this.consolePort = ServiceProcess.freePort();
  }

  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("ONIX_DATA_DIR", dataDirectory.toString());
    env.put("ONIX_COMMAND_PORT", Integer.toString(commandPort));
    env.put("ONIX_QUERY_PORT", Integer.toString(queryPort));
    env.put("ONIX_PROMPT_PORT", Integer.toString(promptPort));
    env.put("ONIX_CONSOLE_PORT", Integer.toString(consolePort));
    env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    return env;
  }

  /** The embedded store's Unix domain socket, as the services derive it from the data directory. */
  String storeUri() {
    String socket = dataDirectory.toAbsolutePath().resolve("store-socket/store.sock").toString();
    return "mongodb://"
        + URLEncoder.encode(socket, StandardCharsets.UTF_8).replace("+", "%20")
        + "/?directConnection=true";
  }

  ServiceProcess startCommandSide() throws IOException, InterruptedException {
    return ServiceProcess.start(
        "command-side", ServiceProcess.COMMAND_JAR, commandPort, environment());
  }

  ServiceProcess startQuerySide() throws IOException, InterruptedException {
    return ServiceProcess.start("query-side", ServiceProcess.QUERY_JAR, queryPort, environment());
  }

  /** The sign-in prompt, calling both services as {@code ./onix up} sets it up. */
  ServiceProcess startPrompt() throws IOException, InterruptedException {
    return ServiceProcess.start(
        "sign-in-prompt", ServiceProcess.PROMPT_JAR, promptPort, environment());
  }

  /** The admin console, calling both services as {@code ./onix up} sets it up. */
  ServiceProcess startConsole() throws IOException, InterruptedException {
    return ServiceProcess.start(
        "web-console", ServiceProcess.CONSOLE_JAR, consolePort, environment());
  }

  /** What {@code ./onix ARGS...} prints on stdout, run as a person runs it, on these ports. */
  String launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(System.getProperty("onix.launcher"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("./onix " + String.join(" ", args) + " failed: " + err);
    }
    return out.strip();
  }

  /** The query side on the MongoDB at {@code mongoUri}, with extra JVM options. */
  ServiceProcess startQuerySide(String mongoUri, String... jvmOptions)
      throws IOException, InterruptedException {
    Map<String, String> env = environment();
    env.put("ONIX_MONGO_URI", mongoUri);
    return ServiceProcess.start("query-side", ServiceProcess.QUERY_JAR, queryPort, env, jvmOptions);
  }

  /** What {@code ./onix token ...} prints, through the same entry point. */
  String token(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(ServiceProcess.COMMAND_JAR.toString());
    command.add("token");
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "token failed: "
              + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return out.strip();
  }
}
