package com.onix.twofactor.query.audit.chain;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain does not serialize the writes of different users of one organization: each command
 * appends to its own user's aggregate only, through the store's ordinary append, and the link is
 * computed later, by the projection, in the store's order. Writers of several users of one
 * organization append at once; none waits for or conflicts with another, and the chain still takes
 * in every event exactly once, in the store's order.
 */
class ConcurrentWritersOfOneOrganizationTest extends QuerySideIntegrationTest {

  private static final int WRITERS = 8;
  private static final int CHANGES_PER_USER = 12;

  private String org;
  private final Set<String> appended = ConcurrentHashMap.newKeySet();
  private final List<Throwable> failures = new ArrayList<>();
  private final List<EventFeed.Appended> lastOfEachUser = new ArrayList<>();

  @BeforeEach
  void usersOfOneOrganizationAreChangedAtOnce() throws Exception {
    org = UUID.randomUUID().toString();
    appended.add(feed.organizationRegistered(org, "Concurrent Inc").eventId());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    ConcurrentLinkedQueue<EventFeed.Appended> lasts = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(
            threads.submit(
                () -> {
                  // A feed of its own per writer: each numbers its own user's events.
                  EventFeed writer = new EventFeed(eventStore);
                  String user = UUID.randomUUID().toString();
                  start.await();
                  EventFeed.Appended last =
                      writer.userRegistered(
                          org, user, "c-" + user + "@example.org", "C", SignInMethod.PASSWORD);
                  appended.add(last.eventId());
                  SignInMethod from = SignInMethod.PASSWORD;
                  for (int i = 0; i < CHANGES_PER_USER; i++) {
                    SignInMethod to =
                        from == SignInMethod.PASSWORD
                            ? SignInMethod.ENTRA_ID
                            : SignInMethod.PASSWORD;
                    last = writer.signInMethodChanged(org, user, from, to);
                    appended.add(last.eventId());
                    from = to;
                  }
                  lasts.add(last);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        try {
          writer.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException failed) {
          failures.add(failed.getCause());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    lastOfEachUser.addAll(lasts);
  }

  private List<JsonNode> history() {
    for (EventFeed.Appended last : lastOfEachUser) {
      // minVersion waits (503 after its wait) until the views hold that user's last event.
      QueryClient.Reply reply;
      do {
        reply =
            api.get(
                "/organizations/" + org + "/audit-events?limit=1&minVersion=" + q(last.version()),
                tokens.auditor(org));
      } while (reply.status() == 503);
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    }
    QueryClient.Reply export =
        api.get(
            "/organizations/" + org + "/audit-events",
            "Bearer " + tokens.auditor(org),
            QueryClient.NDJSON);
    assertThat(export.status()).as("%s", export).isEqualTo(200);
    return export.jsonLines();
  }

  @Test
  void everyConcurrentAppendSucceedsWithoutAConflict() {
    assertThat(failures).isEmpty();
    assertThat(appended).hasSize(1 + WRITERS * (1 + CHANGES_PER_USER));
  }

  @Test
  void theChainTakesInEveryEventExactlyOnceAtPositionsWithoutGaps() {
    List<JsonNode> entries = history();

    List<String> chained = entries.stream().map(e -> e.path("eventId").asText()).toList();
    assertThat(chained).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(appended);
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).path("position").asLong()).isEqualTo(i + 1);
    }
  }

  @Test
  void theChainLinksTheEventsInTheStoresOrderEachUsersInItsOwnOrder() {
    List<JsonNode> entries = history();

    Map<String, Long> lastSequence = new HashMap<>();
    String previousHash = ChainRecord.GENESIS;
    long previousGlobalIndex = -1;
    for (JsonNode entry : entries) {
      assertThat(entry.path("previousHash").asText()).isEqualTo(previousHash);
      long globalIndex = entry.path("stored").path("globalIndex").asLong();
      assertThat(globalIndex).isGreaterThan(previousGlobalIndex);
      long sequence = entry.path("sequence").asLong();
      Long before = lastSequence.put(entry.path("aggregateId").asText(), sequence);
      assertThat(sequence).isEqualTo(before == null ? 0 : before + 1);
      previousHash = entry.path("hash").asText();
      previousGlobalIndex = globalIndex;
    }
    assertThat(lastSequence).hasSize(1 + WRITERS);
  }

  @Test
  void theWritersOverlappedTheirUsersEventsInterleaveInTheStore() {
    List<JsonNode> entries = history();

    // A user whose events are not one block: another user's write landed between two of its own.
    Set<String> finished = new HashSet<>();
    String current = null;
    boolean interleaved = false;
    for (JsonNode entry : entries) {
      String user = entry.path("aggregateId").asText();
      if (!user.equals(current)) {
        interleaved |= finished.contains(user);
        if (current != null) {
          finished.add(current);
        }
        current = user;
      }
    }
    assertThat(interleaved).as("the writes of different users ran at once").isTrue();
  }

  @Test
  void theIntegrityCheckFindsTheStoreAsChained() {
    int events = history().size();

    JsonNode report =
        api.get("/organizations/" + org + "/audit-integrity", tokens.auditor(org)).json();

    assertThat(report.path("verified").asBoolean()).as("%s", report).isTrue();
    assertThat(report.path("checkedEvents").asLong()).isEqualTo(events);
  }
}
