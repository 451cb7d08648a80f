package com.onix.twofactor.command.user;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** "An email belongs to one user across all organizations", case-insensitively. */
class EmailUniquenessHttpTest extends CommandSideIntegrationTest {

  @Test
  void theSameEmailInAnotherOrganizationIs409EmailTaken() {
    String email = uniqueEmail();
    registerUser(registerOrganization(), email);

    assertProblem(postUser(registerOrganization(), email), 409, "EMAIL_TAKEN");
  }

  @Test
  void theSameEmailInOtherCaseInAnotherOrganizationIs409EmailTaken() {
    String email = uniqueEmail();
    registerUser(registerOrganization(), email);

    Response second = postUser(registerOrganization(), email.toUpperCase(Locale.ROOT));

    assertProblem(second, 409, "EMAIL_TAKEN");
  }

  @Test
  void theSameEmailTwiceInOneOrganizationIs409EmailTaken() {
    String organizationId = registerOrganization();
    String email = uniqueEmail();
    registerUser(organizationId, email);

    assertProblem(postUser(organizationId, email), 409, "EMAIL_TAKEN");
  }

  @Test
  void anEmailRefusedForLackOfAnOrganizationStaysFree() {
    String email = uniqueEmail();
    postUser(java.util.UUID.randomUUID().toString(), email);

    assertThat(postUser(registerOrganization(), email).status()).isEqualTo(201);
  }

  @Test
  void ofEightConcurrentRegistrationsOfOneEmailExactlyOneSucceeds() throws Exception {
    int contenders = 8;
    List<String> organizations = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      organizations.add(registerOrganization());
    }
    String email = uniqueEmail();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        String organizationId = organizations.get(i);
        // Vary the case too: the claim must be case-insensitive under contention as well.
        String spelling = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return postUser(organizationId, spelling);
                }));
      }
      start.countDown();

      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get(30, TimeUnit.SECONDS));
      }

      List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
      assertThat(created).as("%s", responses).hasSize(1);
      responses.stream()
          .filter(r -> r.status() != 201)
          .forEach(refused -> assertProblem(refused, 409, "EMAIL_TAKEN"));
      String winner = created.get(0).json().path("userId").asText();
      assertThat(storedEvents(winner)).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
