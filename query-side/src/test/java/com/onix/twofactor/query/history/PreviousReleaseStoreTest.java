package com.onix.twofactor.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.TestStore;
import com.onix.twofactor.support.testing.PreviousReleaseStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The store the previous release wrote ({@link PreviousReleaseStore}, payload types stored as Java
 * class names), projected by today's query side: every event reaches the views and the audit
 * history under the names users knew, and the audit chain over the stored bytes verifies.
 */
class PreviousReleaseStoreTest extends QuerySideIntegrationTest {

  private static final String ORG = PreviousReleaseStore.ORGANIZATION;
  private static final String USER = PreviousReleaseStore.USER;

  @Test
  void itsHistoryIsProjectedWholeUnderTheTypesUsersKnewAndItsChainVerifies() {
    List<Document> commits;
    try (MongoClient client = MongoClients.create(TestStore.uri())) {
      commits =
          PreviousReleaseStore.loadAtTheNextFreePositions(client.getDatabase(TestStore.database()));
    }
    List<String> storedTypes = new ArrayList<>();
    for (Document commit : commits) {
      for (Document event : commit.getList("events", Document.class)) {
        storedTypes.add(event.getString("payloadType"));
      }
    }

    QueryClient.Reply reply =
        api.get(
            "/organizations/" + ORG + "/audit-events?limit=100&minVersion=" + USER + ":20",
            tokens.auditor(ORG));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> shown =
        StreamSupport.stream(reply.json().path("events").spliterator(), false)
            .map(event -> event.path("type").asText())
            .toList();
    assertThat(shown)
        .containsExactlyElementsOf(
            storedTypes.stream()
                .map(stored -> EventType.ofStored(stored).orElseThrow().historyName())
                .toList());
    assertThat(shown)
        .containsAll(Arrays.stream(EventType.values()).map(EventType::historyName).toList());
    assertThat(shown.get(0)).isEqualTo("OrganizationRegistered");

    JsonNode integrity =
        api.get("/organizations/" + ORG + "/audit-integrity", tokens.auditor(ORG)).json();
    assertThat(integrity.path("verified").asBoolean()).as("%s", integrity).isTrue();
    assertThat(integrity.path("checkedEvents").asLong()).isEqualTo(26);

    JsonNode policy =
        api.get("/organizations/" + ORG + "/two-factor-policy", tokens.auditor(ORG)).json();
    assertThat(policy.path("required").asBoolean()).as("%s", policy).isFalse();
    assertThat(policy.path("emailCodesAllowed").asBoolean()).isFalse();
    assertThat(policy.path("changedAt").asText()).isEqualTo("2026-11-30T09:01:28.382Z");
  }
}
