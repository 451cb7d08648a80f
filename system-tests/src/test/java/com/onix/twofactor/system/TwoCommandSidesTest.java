package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two command-side instances on one store, as a deployment with more than one node runs: each
 * caches the aggregates it has loaded, and neither may decide on a cached state the other has moved
 * past, nor lose a change to a conflict. Each runs with every core kept busy by another process
 * ({@link CpuSaturation}), as on a loaded build machine, where the window between loading an
 * aggregate and appending to it is long and the two nodes' commands collide often.
 */
class TwoCommandSidesTest {

  @TempDir Path dataDirectory;

  @Test
  void anInstanceDoesNotVerifyACodeForAUserTheOtherInstanceHasResetMeanwhile() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR", "--sub", "operator-1");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    try (ServiceProcess first = onix.startCommandSide();
        ServiceProcess second = secondCommandSide(onix);
        CpuSaturation load = CpuSaturation.start()) {
      String org = organization(first, operator);
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");
      String ann =
          TwoProcessScenarioTest.register(first, org, admin, "ann@acme.example", "PASSWORD");
      String secret = Enrollment.enroll(first, signIn, ann);

      Api.Answer reset =
          Api.post(
              second.uri("/organizations/" + org + "/users/" + ann + "/two-factor/reset"),
              admin,
              "");
      assertThat(reset.status()).as(reset.raw().body()).isEqualTo(200);

      Api.Answer verification =
          verify(first, signIn, ann, IndependentTotp.codeAt(secret, Instant.now()));
      assertThat(verification.status()).as(verification.raw().body()).isEqualTo(409);
      assertThat(verification.body().get("code").asText()).isEqualTo("NOT_ENROLLED");
    }
  }

  @Test
  void anInstanceLetsAUserEnrollAgainOnceTheOtherInstanceHasResetThem() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR", "--sub", "operator-1");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    try (ServiceProcess first = onix.startCommandSide();
        ServiceProcess second = secondCommandSide(onix);
        CpuSaturation load = CpuSaturation.start()) {
      String org = organization(first, operator);
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");
      String ann =
          TwoProcessScenarioTest.register(first, org, admin, "ann@acme.example", "PASSWORD");
      Enrollment.enroll(first, signIn, ann);
      Api.Answer enrolledAlready =
          Api.post(first.uri("/users/" + ann + "/two-factor/setup"), signIn, "");
      assertThat(enrolledAlready.status()).isEqualTo(409); // the first node now holds Ann, enrolled

      Api.post(
          second.uri("/organizations/" + org + "/users/" + ann + "/two-factor/reset"), admin, "");

      // Refusing would emit nothing, so no conflict would catch a stale cached Ann: the cache must.
      Api.Answer setup = Api.post(first.uri("/users/" + ann + "/two-factor/setup"), signIn, "");
      assertThat(setup.status()).as(setup.raw().body()).isEqualTo(201);
    }
  }

  @Test
  void concurrentCommandsOnOneUserThroughBothInstancesEachTakeTheirOwnVersion() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR", "--sub", "operator-1");
    try (ServiceProcess first = onix.startCommandSide();
        ServiceProcess second = secondCommandSide(onix);
        CpuSaturation load = CpuSaturation.start()) {
      String org = organization(first, operator);
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");
      String ann =
          TwoProcessScenarioTest.register(first, org, admin, "ann@acme.example", "PASSWORD");
      int commands = 40;
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<Api.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < commands; i++) {
        ServiceProcess node = i % 2 == 0 ? first : second;
        Callable<Api.Answer> issue =
            () ->
                Api.post(
                    node.uri("/organizations/" + org + "/users/" + ann + "/access-codes"),
                    admin,
                    "");
        answers.add(clients.submit(issue));
      }
      Set<String> versions = new HashSet<>();
      for (Future<Api.Answer> answer : answers) {
        Api.Answer issued = answer.get();
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        versions.add(issued.header("Onix-Aggregate-Version"));
      }
      clients.shutdown();
      // Every acknowledged command appended after the one before it: no two share a version.
      assertThat(versions).hasSize(commands);
      assertThat(load.running()).as("the load ran throughout").isTrue();
    }
  }

  private static String organization(ServiceProcess commands, String operator) throws Exception {
    Api.Answer created = Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.body().get("organizationId").asText();
  }

  /**
   * A second node: its own port, the first one's store, the same master key and the same data-key
   * files (it runs on the same host, in the same data directory).
   */
  private static ServiceProcess secondCommandSide(OnixInstallation onix) throws Exception {
    Map<String, String> env = onix.environment();
    env.put("ONIX_COMMAND_PORT", Integer.toString(ServiceProcess.freePort()));
    env.put("ONIX_MONGO_URI", onix.storeUri());
    env.put("ONIX_KEY_STORE", "files");
    env.put("ONIX_MASTER_KEY", Files.readString(onix.dataDirectory.resolve("master.key")).strip());
    return ServiceProcess.start(
        "command-side-2",
        ServiceProcess.COMMAND_JAR,
        Integer.parseInt(env.get("ONIX_COMMAND_PORT")),
        env);
  }

  private static Api.Answer verify(
      ServiceProcess commands, String token, String userId, String code) throws Exception {
    return Api.post(
        commands.uri("/sign-in/verifications"),
        token,
        "{\"userId\":\"" + userId + "\",\"method\":\"TOTP\",\"code\":\"" + code + "\"}");
  }
}
