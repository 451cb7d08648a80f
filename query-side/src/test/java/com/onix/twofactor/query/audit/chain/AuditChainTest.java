package com.onix.twofactor.query.audit.chain;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each audit entry links to the one before it by a hash of the event as the store holds it. */
class AuditChainTest extends QuerySideIntegrationTest {

  @Autowired CommitLogStorageEngine store;

  private String org;
  private EventFeed.Appended last;

  private List<JsonNode> history() {
    org = UUID.randomUUID().toString();
    feed.organizationRegistered(org, "Chained Inc");
    String user = UUID.randomUUID().toString();
    feed.userRegistered(
        org, user, "chain-" + user + "@example.org", "Chain", SignInMethod.PASSWORD);
    feed.policyEnabled(org);
    last = feed.signInMethodChanged(org, user, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID);
    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/audit-events?minVersion=" + q(last.version()),
            "Bearer " + tokens.auditor(org),
            QueryClient.NDJSON);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.jsonLines();
  }

  @Test
  void theFirstEntryLinksToSixtyFourZeros() {
    JsonNode first = history().get(0);

    assertThat(first.path("position").asLong()).isEqualTo(1);
    assertThat(first.path("previousHash").asText()).isEqualTo("0".repeat(64));
  }

  @Test
  void everyEntryLinksToTheHashOfTheOneBefore() {
    List<JsonNode> entries = history();

    assertThat(entries).hasSize(4);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).path("previousHash").asText())
          .isEqualTo(entries.get(i - 1).path("hash").asText());
      assertThat(entries.get(i).path("position").asLong()).isEqualTo(i + 1);
    }
  }

  @Test
  void anEntrysHashIsTheHashOfTheStoredEventAtItsPosition() {
    List<JsonNode> entries = history();

    for (JsonNode entry : entries) {
      var stored =
          store
              .storedEvent(entry.path("aggregateId").asText(), entry.path("sequence").asLong())
              .orElseThrow();
      ChainRecord link =
          ChainRecord.of(
              org, entry.path("position").asLong(), entry.path("previousHash").asText(), stored);
      assertThat(entry.path("hash").asText()).matches("[0-9a-f]{64}").isEqualTo(link.hash());
      assertThat(entry.path("stored").path("payloadSha256").asText())
          .isEqualTo(link.payloadSha256());
      assertThat(entry.path("stored").path("metaData").asText()).isEqualTo(stored.metaData());
    }
  }

  @Test
  void theCanonicalFormSortsMembersAndHasNoWhitespace() {
    List<JsonNode> entries = history();
    JsonNode entry = entries.get(0);
    var stored =
        store
            .storedEvent(entry.path("aggregateId").asText(), entry.path("sequence").asLong())
            .orElseThrow();

    String canonical = ChainRecord.of(org, 1, ChainRecord.GENESIS, stored).canonicalJson();

    assertThat(canonical)
        .startsWith("{\"aggregateId\":\"" + org + "\",\"aggregateType\":\"OrganizationPolicy\",")
        .contains(",\"position\":1,\"previousHash\":\"" + ChainRecord.GENESIS + "\",")
        .doesNotContain(": ")
        .doesNotContain(", ");
  }

  @Test
  void thePageCarriesTheChainToo() {
    history();
    JsonNode page = api.get("/organizations/" + org + "/audit-events", tokens.auditor(org)).json();

    JsonNode first = page.path("events").get(0);
    assertThat(first.path("hash").asText()).matches("[0-9a-f]{64}");
    assertThat(first.path("previousHash").asText()).isEqualTo(ChainRecord.GENESIS);
    assertThat(first.path("stored").path("globalIndex").isIntegralNumber()).isTrue();
  }
}
