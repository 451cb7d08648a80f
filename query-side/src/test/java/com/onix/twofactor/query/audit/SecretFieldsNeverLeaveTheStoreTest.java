package com.onix.twofactor.query.audit;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static com.onix.twofactor.query.testing.UserTwoFactorEvents.fromNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import com.onix.twofactor.query.view.ViewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fields marked {@code @Secret} (the encrypted TOTP secret, the access code's keyed hash) stay in
 * the event store: not in the audit history's data, not in its NDJSON export, not in any view.
 */
class SecretFieldsNeverLeaveTheStoreTest extends QuerySideIntegrationTest {

  @Autowired private MongoDatabase database;

  /**
   * A user who set up twice (the first setup replaced), enrolled, had a code issued and used, a
   * second one superseded by a third, and was reset: every secret-bearing event, with its values.
   */
  private final class SecretHistory {
    final String org = newOrganization();
    final NewUser user = newUser(org, SignInMethod.PASSWORD);
    final UserTwoFactorEvents events = new UserTwoFactorEvents(feed, org, user.userId());
    final List<String> keyIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    final List<String> encryptedSecrets =
        List.of(UserTwoFactorEvents.anEncryptedSecret(), UserTwoFactorEvents.anEncryptedSecret());
    final List<String> accessCodeIds =
        List.of(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString());
    final List<String> codeHashes =
        List.of(
            UserTwoFactorEvents.aCodeHash(),
            UserTwoFactorEvents.aCodeHash(),
            UserTwoFactorEvents.aCodeHash());
    final Instant firstExpiry = fromNow(Duration.ofMinutes(60));
    final EventFeed.Appended last;

    SecretHistory() {
      feed.policyEnabled(org);
      events.setupStarted(keyIds.get(0), encryptedSecrets.get(0));
      events.setupStarted(keyIds.get(1), encryptedSecrets.get(1));
      events.setupCompleted(UserTwoFactorEvents.currentStep());
      events.accessCodeIssued(accessCodeIds.get(0), codeHashes.get(0), firstExpiry);
      events.accessCodeRedeemed(accessCodeIds.get(0));
      events.verified(VerificationMethod.ACCESS_CODE, -1);
      events.accessCodeIssued(
          accessCodeIds.get(1), codeHashes.get(1), fromNow(Duration.ofMinutes(60)));
      events.accessCodeRevoked(accessCodeIds.get(1), RevocationReason.SUPERSEDED);
      events.accessCodeIssued(
          accessCodeIds.get(2), codeHashes.get(2), fromNow(Duration.ofMinutes(60)));
      events.accessCodeRevoked(accessCodeIds.get(2), RevocationReason.RESET);
      last = events.reset("lost phone", keyIds.get(1));
    }

    List<String> secretValues() {
      List<String> values = new ArrayList<>(encryptedSecrets);
      values.addAll(codeHashes);
      return values;
    }

    JsonNode audit(String query) {
      QueryClient.Reply reply =
          api.get(
              "/organizations/" + org + "/audit-events?minVersion=" + q(last.version()) + query,
              tokens.auditor(org));
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return reply.json().path("events");
    }

    QueryClient.Reply export() {
      QueryClient.Reply reply =
          api.get(
              "/organizations/" + org + "/audit-events?minVersion=" + q(last.version()),
              "Bearer " + tokens.auditor(org),
              QueryClient.NDJSON);
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return reply;
    }

    /** Waits until both the users view and the audit history have applied the last event. */
    void awaitViews() {
      QueryClient.Reply user =
          api.get(
              "/organizations/"
                  + org
                  + "/users/"
                  + this.user.userId()
                  + "?minVersion="
                  + q(last.version()),
              tokens.orgAdmin(org));
      assertThat(user.status()).as("%s", user).isEqualTo(200);
      audit("&limit=1");
    }
  }

  @Test
  void setupStartedAuditDataHasTheKeyIdButNotTheEncryptedSecret() {
    SecretHistory history = new SecretHistory();

    JsonNode started = history.audit("&type=TwoFactorSetupStarted");

    assertThat(started).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode data = started.get(i).path("data");
      assertThat(data.fieldNames())
          .toIterable()
          .as("data of %s", data)
          .containsExactlyInAnyOrder("userId", "organizationId", "keyId");
      assertThat(data.path("userId").asText()).isEqualTo(history.user.userId());
      assertThat(data.path("organizationId").asText()).isEqualTo(history.org);
      assertThat(data.path("keyId").asText()).isEqualTo(history.keyIds.get(i));
      assertThat(data.toString()).doesNotContain(history.encryptedSecrets.get(i));
    }
  }

  @Test
  void accessCodeIssuedAuditDataHasNoCodeHash() {
    SecretHistory history = new SecretHistory();

    JsonNode issued = history.audit("&type=AccessCodeIssued");

    assertThat(issued).hasSize(3);
    JsonNode data = issued.get(0).path("data");
    assertThat(data.fieldNames())
        .toIterable()
        .as("data of %s", data)
        .containsExactlyInAnyOrder(
            "userId", "organizationId", "accessCodeId", "expiresAt", "issuedBy");
    assertThat(data.path("userId").asText()).isEqualTo(history.user.userId());
    assertThat(data.path("organizationId").asText()).isEqualTo(history.org);
    assertThat(data.path("accessCodeId").asText()).isEqualTo(history.accessCodeIds.get(0));
    assertThat(data.path("expiresAt").isTextual()).as("expiresAt of %s", data).isTrue();
    assertThat(Instant.parse(data.path("expiresAt").asText())).isEqualTo(history.firstExpiry);
    assertThat(data.path("issuedBy").asText()).isEqualTo(history.events.admin().id());
    for (int i = 0; i < 3; i++) {
      assertThat(issued.get(i).path("data").has("codeHash")).isFalse();
      assertThat(issued.get(i).toString()).doesNotContain(history.codeHashes.get(i));
    }
  }

  @Test
  void ndjsonExportContainsNeitherSecretNorHashAnywhere() {
    SecretHistory history = new SecretHistory();

    QueryClient.Reply export = history.export();

    // The export does hold the events that carried them...
    assertThat(export.jsonLines())
        .extracting(line -> line.path("type").asText())
        .contains("TwoFactorSetupStarted", "AccessCodeIssued");
    assertThat(export.body()).contains(history.keyIds).contains(history.accessCodeIds);
    // ...but not one of the values.
    for (String secret : history.secretValues()) {
      assertThat(export.body()).doesNotContain(secret);
    }
    assertThat(export.body()).doesNotContain("encryptedSecret").doesNotContain("codeHash");
  }

  @Test
  void noViewCollectionHoldsTheSecretOrTheHash() {
    SecretHistory history = new SecretHistory();
    history.awaitViews();

    List<String> views = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    StringBuilder elsewhere = new StringBuilder();
    for (String name : database.listCollectionNames()) {
      boolean view = name.startsWith(ViewStore.PREFIX);
      if (view) {
        views.add(name);
      }
      for (Document document : database.getCollection(name).find()) {
        String json = document.toJson();
        for (String secret : history.secretValues()) {
          if (json.contains(secret)) {
            if (view) {
              leaks.add(name + ": " + json);
            } else {
              elsewhere.append(secret).append('\n');
            }
          }
        }
      }
    }

    assertThat(views).contains(ViewStore.USERS, ViewStore.USER_EMAILS, ViewStore.AUDIT_EVENTS);
    assertThat(leaks).as("view documents holding a secret value").isEmpty();
    // The event store beside the views does hold every one of them: the search would find them.
    for (String secret : history.secretValues()) {
      assertThat(elsewhere.toString()).as("the event store holds %s", secret).contains(secret);
    }
  }
}
