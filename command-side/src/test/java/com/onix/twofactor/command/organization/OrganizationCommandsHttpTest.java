package com.onix.twofactor.command.organization;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrganizationCommandsHttpTest extends CommandSideIntegrationTest {

  private Response setPolicy(String organizationId, boolean required) {
    return http.put("/organizations/" + organizationId + "/two-factor-policy")
        .token(tokens.orgAdmin(organizationId))
        .json(Json.of("required", required))
        .send();
  }

  @Test
  void registeringAnOrganizationAnswers201WithItsIdAndVersionZero() {
    Response created =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "Acme"))
            .send();

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    String organizationId = created.json().path("organizationId").asText();
    assertThat(UUID.fromString(organizationId).toString()).isEqualTo(organizationId);
    assertThat(created.header("Onix-Aggregate-Version")).isEqualTo(organizationId + ":0");
  }

  @Test
  void aRegisteredOrganizationIsStoredWithItsTrimmedName() {
    String organizationId =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "  Acme Corp  "))
            .send()
            .json()
            .path("organizationId")
            .asText();

    assertThat(storedPayloads(organizationId))
        .containsExactly(new OrganizationRegistered(organizationId, "Acme Corp"));
  }

  @Test
  void requiringTwoFactorAnswersTheNewStateAndVersionOne() {
    String organizationId = registerOrganization();

    Response set = setPolicy(organizationId, true);

    assertThat(set.status()).as("%s", set).isEqualTo(200);
    assertThat(set.json().path("required").asBoolean()).isTrue();
    assertThat(set.json().path("version").asLong()).isEqualTo(1);
    assertThat(set.json().size()).isEqualTo(2);
    assertThat(set.header("Onix-Aggregate-Version")).isEqualTo(organizationId + ":1");
    assertThat(storedPayloads(organizationId)).last().isEqualTo(new PolicyEnabled(organizationId));
  }

  @Test
  void settingTheCurrentValueAgainAnswersTheSameVersionAndStoresNothing() {
    String organizationId = registerOrganization();
    setPolicy(organizationId, true);

    Response again = setPolicy(organizationId, true);

    assertThat(again.status()).as("%s", again).isEqualTo(200);
    assertThat(again.json().path("required").asBoolean()).isTrue();
    assertThat(again.json().path("version").asLong()).isEqualTo(1);
    assertThat(again.header("Onix-Aggregate-Version")).isEqualTo(organizationId + ":1");
    assertThat(storedEvents(organizationId)).hasSize(2);
  }

  @Test
  void switchingThePolicyOffAgainIsVersionTwo() {
    String organizationId = registerOrganization();
    setPolicy(organizationId, true);

    Response off = setPolicy(organizationId, false);

    assertThat(off.json().path("required").asBoolean()).isFalse();
    assertThat(off.json().path("version").asLong()).isEqualTo(2);
    assertThat(storedPayloads(organizationId)).last().isEqualTo(new PolicyDisabled(organizationId));
  }

  @Test
  void switchingOffANeverRequiredPolicyAnswersVersionZeroAndStoresNothing() {
    String organizationId = registerOrganization();

    Response off = setPolicy(organizationId, false);

    assertThat(off.status()).as("%s", off).isEqualTo(200);
    assertThat(off.json().path("version").asLong()).isZero();
    assertThat(storedEvents(organizationId)).hasSize(1);
  }

  @Test
  void anUpperCaseIdNamesTheSameOrganization() {
    String organizationId = registerOrganization();

    Response set =
        http.put("/organizations/" + organizationId.toUpperCase() + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("required", true))
            .send();

    assertThat(set.status()).as("%s", set).isEqualTo(200);
    assertThat(set.header("Onix-Aggregate-Version")).isEqualTo(organizationId + ":1");
  }

  @Test
  void thePolicyOfAnUnknownOrganizationIs404UnknownOrganization() {
    String unknown = UUID.randomUUID().toString();

    assertProblem(setPolicy(unknown, true), 404, "UNKNOWN_ORGANIZATION");
  }

  @Test
  void aUserIdUsedAsAnOrganizationIdIs404UnknownOrganization() {
    String organizationId = registerOrganization();
    String userId = registerUser(organizationId);

    Response set = setPolicy(userId, true);

    assertProblem(set, 404, "UNKNOWN_ORGANIZATION");
    assertThat(storedEvents(userId)).hasSize(1);
  }

  @Test
  void concurrentIdenticalPolicyChangesStoreOneEvent() throws Exception {
    String organizationId = registerOrganization();
    int callers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return setPolicy(organizationId, true);
                }));
      }
      start.countDown();

      for (Future<Response> answer : answers) {
        Response set = answer.get(30, TimeUnit.SECONDS);
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.json().path("version").asLong()).isEqualTo(1);
      }
      assertThat(storedPayloads(organizationId))
          .containsExactly(
              storedPayloads(organizationId).get(0), new PolicyEnabled(organizationId));
    } finally {
      threads.shutdownNow();
    }
  }
}
