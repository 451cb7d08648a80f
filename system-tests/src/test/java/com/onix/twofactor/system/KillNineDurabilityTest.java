package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the embedded mode a command answered 2xx is on disk: the command side is killed with SIGKILL
 * while commands are still arriving, and after a restart every acknowledged change is there.
 */
class KillNineDurabilityTest {

  private static final int WRITERS = 4;

  @TempDir Path dataDirectory;

  @Test
  void everyAcknowledgedCommandSurvivesSigkillOfTheCommandSide() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    // "<email> <userId>:0" of every registration answered 201
    Queue<String> acknowledgedEmails = new ConcurrentLinkedQueue<>();
    String organizationId;
    String admin;
    String lastPolicyVersion;
    ServiceProcess commands = onix.startCommandSide();
    try {
      organizationId =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Durable\"}")
              .body()
              .get("organizationId")
              .asText();
      admin = onix.token("--role", "ORG_ADMIN", "--org", organizationId);
      lastPolicyVersion = TwoProcessScenarioTest.setPolicy(commands, organizationId, admin, true);

      AtomicBoolean running = new AtomicBoolean(true);
      CountDownLatch enoughAcknowledged = new CountDownLatch(200);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    String email = "user-" + writer + "-" + i + "@durable.example";
                    try {
                      Api.Answer answer =
                          Api.post(
                              commands.uri("/organizations/" + organizationId + "/users"),
                              admin,
                              "{\"email\":\""
                                  + email
                                  + "\",\"displayName\":\"U\",\"signInMethod\":\"PASSWORD\"}");
                      if (answer.status() == 201) {
                        acknowledgedEmails.add(
                            email + " " + answer.body().get("userId").asText() + ":0");
                        enoughAcknowledged.countDown();
                      }
                    } catch (Exception connectionGone) {
                      return;
                    }
                  }
                });
        thread.start();
        writers.add(thread);
      }
      enoughAcknowledged.await();
      commands.kill(); // while the writers are still sending
      running.set(false);
      for (Thread thread : writers) {
        thread.join();
      }
    } finally {
      commands.close();
    }

    try (ServiceProcess restarted = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      String signIn = onix.token("--role", "SIGN_IN_SERVICE");
      assertThat(acknowledgedEmails).hasSizeGreaterThanOrEqualTo(200);
      List<String> missing = new ArrayList<>();
      // Policy first: from then on each user is waited for by their own registration's version.
      assertThat(
              TwoProcessScenarioTest.requirement(
                  queries, signIn, acknowledgedEmails.peek().split(" ")[0], lastPolicyVersion))
          .isNotNull();
      for (String acknowledged : acknowledgedEmails) {
        String email = acknowledged.split(" ")[0];
        Api.Answer answer =
            Api.get(
                queries.uri(
                    "/sign-in/requirements?email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&minVersion="
                        + acknowledged.split(" ")[1]),
                signIn);
        if (answer.status() != 200
            || !"SETUP_REQUIRED".equals(answer.body().get("twoFactor").asText())) {
          missing.add(email + " -> " + answer.status());
        }
      }
      assertThat(missing).as("acknowledged but lost").isEmpty();
    }
  }
}
