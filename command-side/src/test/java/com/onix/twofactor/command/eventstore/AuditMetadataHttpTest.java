package com.onix.twofactor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.support.security.OnixRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Every stored event says who caused it, in which request, and when. */
class AuditMetadataHttpTest extends CommandSideIntegrationTest {

  private static void assertAudit(
      DomainEventMessage<?> event, String actor, OnixRole role, String requestId, Instant sent) {
    MetaData metaData = event.getMetaData();
    assertThat(metaData.get("actorId")).isEqualTo(actor);
    assertThat(Arrays.asList(String.valueOf(metaData.get("actorRoles")).split(",")))
        .contains(role.name());
    assertThat(metaData.get("correlationId")).isEqualTo(requestId);
    assertThat(metaData.get("requestTime")).isNotNull();
    Instant requestTime = Instant.parse(String.valueOf(metaData.get("requestTime")));
    assertThat(requestTime).isBetween(sent.minusSeconds(5), Instant.now().plusSeconds(5));
  }

  @Test
  void aRegisteredUserCarriesTheAdminTheRequestIdAndTheTime() {
    String organizationId = registerOrganization();
    Instant sent = Instant.now();

    Response created =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin("admin-1", organizationId))
            .header("X-Request-Id", "req-123")
            .json(Json.of("email", uniqueEmail(), "displayName", "Ann", "signInMethod", "PASSWORD"))
            .send();

    String userId = created.json().path("userId").asText();
    assertThat(storedEvents(userId)).hasSize(1);
    assertAudit(storedEvents(userId).get(0), "admin-1", OnixRole.ORG_ADMIN, "req-123", sent);
  }

  @Test
  void aPolicyChangeCarriesTheAdminTheRequestIdAndTheTime() {
    String organizationId = registerOrganization();
    Instant sent = Instant.now();

    http.put("/organizations/" + organizationId + "/two-factor-policy")
        .token(tokens.orgAdmin("admin-1", organizationId))
        .header("X-Request-Id", "req-124")
        .json(Json.of("required", true))
        .send();

    assertThat(storedEvents(organizationId)).hasSize(2);
    assertAudit(
        storedEvents(organizationId).get(1), "admin-1", OnixRole.ORG_ADMIN, "req-124", sent);
  }

  @Test
  void aSignInMethodChangeCarriesTheAdminTheRequestIdAndTheTime() {
    String organizationId = registerOrganization();
    String userId = registerUser(organizationId);
    Instant sent = Instant.now();

    http.put("/organizations/" + organizationId + "/users/" + userId + "/sign-in-method")
        .token(tokens.orgAdmin("admin-2", organizationId))
        .header("X-Request-Id", "req-125")
        .json(Json.of("signInMethod", "ENTRA_ID"))
        .send();

    assertThat(storedEvents(userId)).hasSize(2);
    assertAudit(storedEvents(userId).get(1), "admin-2", OnixRole.ORG_ADMIN, "req-125", sent);
  }

  @Test
  void aRegisteredOrganizationCarriesTheOperator() {
    Instant sent = Instant.now();

    Response created =
        http.post("/organizations")
            .token(tokens.mint("operator-7", null, OnixRole.PLATFORM_OPERATOR))
            .header("X-Request-Id", "req-126")
            .json(Json.of("name", "Acme"))
            .send();

    String organizationId = created.json().path("organizationId").asText();
    assertAudit(
        storedEvents(organizationId).get(0),
        "operator-7",
        OnixRole.PLATFORM_OPERATOR,
        "req-126",
        sent);
  }

  @Test
  void withoutARequestIdTheEventCarriesTheOneEchoedToTheCaller() {
    String organizationId = registerOrganization();

    Response set =
        http.put("/organizations/" + organizationId + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("required", true))
            .send();

    String echoed = set.header("X-Request-Id");
    assertThat(storedEvents(organizationId).get(1).getMetaData().get("correlationId"))
        .isEqualTo(echoed);
  }

  @Test
  void allRolesOfTheCallerAreRecorded() {
    String organizationId = registerOrganization();

    http.put("/organizations/" + organizationId + "/two-factor-policy")
        .token(
            tokens.mint(
                "admin-3",
                organizationId,
                Duration.ofMinutes(5),
                OnixRole.ORG_ADMIN,
                OnixRole.AUDITOR))
        .json(Json.of("required", true))
        .send();

    assertThat(storedEvents(organizationId).get(1).getMetaData().get("actorRoles"))
        .isEqualTo("AUDITOR,ORG_ADMIN");
  }
}
