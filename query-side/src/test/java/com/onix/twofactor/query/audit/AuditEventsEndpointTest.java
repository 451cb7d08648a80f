package com.onix.twofactor.query.audit;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /organizations/{orgId}/audit-events: an organization's history, oldest first. */
class AuditEventsEndpointTest extends QuerySideIntegrationTest {

  /** An organization and everything appended to its history, in order. */
  private final class History {
    final String org = UUID.randomUUID().toString();
    final List<EventFeed.Appended> events = new ArrayList<>();

    History() {
      add(feed.organizationRegistered(org, "Audited Inc"));
    }

    EventFeed.Appended add(EventFeed.Appended appended) {
      events.add(appended);
      return appended;
    }

    String user(SignInMethod method) {
      String userId = UUID.randomUUID().toString();
      add(
          feed.userRegistered(
              org, userId, "audit-" + userId + "@example.org", "Audited User", method));
      return userId;
    }

    EventFeed.Appended last() {
      return events.get(events.size() - 1);
    }

    List<String> eventIds() {
      return events.stream().map(EventFeed.Appended::eventId).toList();
    }
  }

  private QueryClient.Reply audit(History history, String query) {
    return api.get(
        "/organizations/"
            + history.org
            + "/audit-events?minVersion="
            + q(history.last().version())
            + query,
        tokens.auditor(history.org));
  }

  private JsonNode auditOk(History history, String query) {
    QueryClient.Reply reply = audit(history, query);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  private static List<String> ids(JsonNode events) {
    return StreamSupport.stream(events.spliterator(), false)
        .map(event -> event.path("eventId").asText())
        .toList();
  }

  /** A user, a policy switched on and off, a sign-in method change: seven events in all. */
  private History busyHistory() {
    History history = new History();
    String ann = history.user(SignInMethod.PASSWORD);
    history.add(feed.policyEnabled(history.org));
    String bob = history.user(SignInMethod.ENTRA_ID);
    history.add(
        feed.signInMethodChanged(history.org, ann, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
    history.add(feed.policyDisabled(history.org));
    history.add(
        feed.signInMethodChanged(history.org, bob, SignInMethod.ENTRA_ID, SignInMethod.PASSWORD));
    return history;
  }

  @Test
  void historyComesOldestFirst() {
    History history = busyHistory();

    JsonNode page = auditOk(history, "");

    assertThat(ids(page.path("events"))).containsExactlyElementsOf(history.eventIds());
    assertThat(page.path("next").isNull()).isTrue();
    List<Instant> times =
        StreamSupport.stream(page.path("events").spliterator(), false)
            .map(event -> Instant.parse(event.path("occurredAt").asText()))
            .toList();
    assertThat(times).isSorted();
  }

  @Test
  void eventCarriesTheDocumentedFields() {
    History history = new History();
    String userId = UUID.randomUUID().toString();
    EventFeed.Actor admin =
        EventFeed.Actor.of(UUID.randomUUID().toString(), "ORG_ADMIN")
            .withCorrelationId("req-" + UUID.randomUUID());
    EventFeed.Appended registered =
        history.add(
            feed.as(admin)
                .userRegistered(
                    history.org, userId, "Ann@Example.org", "Ann Example", SignInMethod.PASSWORD));

    JsonNode event = auditOk(history, "").path("events").get(1);

    assertThat(event.path("eventId").asText()).isEqualTo(registered.eventId());
    assertThat(event.path("type").asText()).isEqualTo("UserRegistered");
    assertThat(event.path("aggregateId").asText()).isEqualTo(userId);
    assertThat(event.path("sequence").isIntegralNumber()).isTrue();
    assertThat(event.path("sequence").asLong()).isZero();
    assertThat(event.path("occurredAt").asText()).endsWith("Z");
    assertThat(Instant.parse(event.path("occurredAt").asText())).isEqualTo(registered.timestamp());
    assertThat(event.path("actor").path("id").asText()).isEqualTo(admin.id());
    assertThat(event.path("actor").path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("ORG_ADMIN");
    assertThat(event.path("correlationId").asText()).isEqualTo(admin.correlationId());
    assertThat(event.path("data").path("userId").asText()).isEqualTo(userId);
    assertThat(event.path("data").path("organizationId").asText()).isEqualTo(history.org);
    assertThat(event.path("data").path("email").asText()).isEqualTo("Ann@Example.org");
    assertThat(event.path("data").path("displayName").asText()).isEqualTo("Ann Example");
    assertThat(event.path("data").path("signInMethod").asText()).isEqualTo("PASSWORD");
  }

  @Test
  void organizationEventsAreKeyedByTheOrganization() {
    History history = new History();
    EventFeed.Appended enabled = history.add(feed.policyEnabled(history.org));

    JsonNode event = auditOk(history, "").path("events").get(1);

    assertThat(event.path("type").asText()).isEqualTo("PolicyEnabled");
    assertThat(event.path("aggregateId").asText()).isEqualTo(history.org);
    assertThat(event.path("sequence").asLong()).isEqualTo(enabled.sequence()).isEqualTo(1);
    assertThat(event.path("data").path("organizationId").asText()).isEqualTo(history.org);
  }

  @Test
  void signInMethodChangeShowsBothMethods() {
    History history = new History();
    String userId = history.user(SignInMethod.PASSWORD);
    history.add(
        feed.signInMethodChanged(
            history.org, userId, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));

    JsonNode event = auditOk(history, "").path("events").get(2);

    assertThat(event.path("type").asText()).isEqualTo("SignInMethodChanged");
    assertThat(event.path("sequence").asLong()).isEqualTo(1);
    assertThat(event.path("data").path("previous").asText()).isEqualTo("PASSWORD");
    assertThat(event.path("data").path("signInMethod").asText()).isEqualTo("ENTRA_ID");
  }

  @Test
  void actorWithSeveralRolesListsThemAll() {
    History history = new History();
    EventFeed.Actor actor = EventFeed.Actor.of("sub-1", "ORG_ADMIN,AUDITOR");
    history.add(feed.as(actor).policyEnabled(history.org));

    JsonNode event = auditOk(history, "").path("events").get(1);

    assertThat(event.path("actor").path("id").asText()).isEqualTo("sub-1");
    assertThat(event.path("actor").path("roles"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("ORG_ADMIN", "AUDITOR");
  }

  @Test
  void pagesOfTwoWalkTheWholeHistoryExactlyOnce() {
    History history = busyHistory();

    List<String> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = auditOk(history, "&limit=2" + (cursor == null ? "" : "&cursor=" + q(cursor)));
      walked.addAll(ids(page.path("events")));
      sizes.add(page.path("events").size());
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(sizes).as("pages so far").hasSizeLessThanOrEqualTo(5);
    } while (cursor != null);

    assertThat(walked).containsExactlyElementsOf(history.eventIds());
    assertThat(sizes).containsExactly(2, 2, 2, 1);
  }

  @Test
  void eventsAppendedBetweenPagesAreNeitherSkippedNorRepeated() {
    History history = new History();
    history.user(SignInMethod.PASSWORD);
    history.add(feed.policyEnabled(history.org));
    JsonNode first = auditOk(history, "&limit=2");
    assertThat(first.path("next").isNull()).isFalse();

    history.add(feed.policyDisabled(history.org));
    history.user(SignInMethod.ENTRA_ID);
    List<String> walked = new ArrayList<>(ids(first.path("events")));
    String cursor = first.path("next").asText();
    int pages = 1;
    while (cursor != null) {
      JsonNode page = auditOk(history, "&limit=2&cursor=" + q(cursor));
      walked.addAll(ids(page.path("events")));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).as("pages").isLessThanOrEqualTo(5);
    }

    assertThat(walked).containsExactlyElementsOf(history.eventIds());
  }

  @Test
  void anotherOrganizationsEventsNeverAppear() {
    History mine = new History();
    History theirs = new History();
    mine.user(SignInMethod.PASSWORD);
    theirs.user(SignInMethod.PASSWORD);
    theirs.add(feed.policyEnabled(theirs.org));
    mine.add(feed.policyEnabled(mine.org));
    theirs.user(SignInMethod.ENTRA_ID);
    // Wait for the other organization's last event too: it is the last one appended.
    auditOk(theirs, "");

    JsonNode page = auditOk(mine, "");
    QueryClient.Reply export =
        api.get(
            "/organizations/" + mine.org + "/audit-events",
            "Bearer " + tokens.auditor(mine.org),
            QueryClient.NDJSON);

    assertThat(ids(page.path("events"))).containsExactlyElementsOf(mine.eventIds());
    assertThat(export.jsonLines())
        .extracting(line -> line.path("eventId").asText())
        .containsExactlyElementsOf(mine.eventIds());
  }

  @Test
  void userIdFilterKeepsOnlyThatUsersEvents() {
    History history = new History();
    String ann = history.user(SignInMethod.PASSWORD);
    String bob = history.user(SignInMethod.PASSWORD);
    history.add(feed.policyEnabled(history.org));
    history.add(
        feed.signInMethodChanged(history.org, ann, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
    history.add(
        feed.signInMethodChanged(history.org, bob, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));

    JsonNode events = auditOk(history, "&userId=" + ann).path("events");

    assertThat(events).hasSize(2);
    assertThat(events).allSatisfy(e -> assertThat(e.path("aggregateId").asText()).isEqualTo(ann));
    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly("UserRegistered", "SignInMethodChanged");
  }

  @Test
  void typeFilterIsRepeatable() {
    History history = busyHistory();

    JsonNode events = auditOk(history, "&type=PolicyEnabled&type=PolicyDisabled").path("events");

    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly("PolicyEnabled", "PolicyDisabled");
  }

  @Test
  void singleTypeFilterKeepsOnlyThatType() {
    History history = busyHistory();

    JsonNode events = auditOk(history, "&type=UserRegistered").path("events");

    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly("UserRegistered", "UserRegistered");
  }

  @Test
  void filteredPagesWalkEveryMatchOnce() {
    History history = busyHistory();
    List<String> expected =
        history.events.stream()
            .filter(e -> e.aggregateId().equals(history.org))
            .map(EventFeed.Appended::eventId)
            .toList();

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          auditOk(
              history,
              "&limit=1&type=OrganizationRegistered&type=PolicyEnabled&type=PolicyDisabled"
                  + (cursor == null ? "" : "&cursor=" + q(cursor)));
      walked.addAll(ids(page.path("events")));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).as("pages").isLessThanOrEqualTo(4);
    } while (cursor != null);

    assertThat(walked).hasSize(3).containsExactlyElementsOf(expected);
  }

  @Test
  void fromIsInclusiveAndToExclusive() {
    History history = busyHistory();
    Instant from = history.events.get(2).timestamp();
    Instant to = history.events.get(5).timestamp();

    JsonNode events =
        auditOk(history, "&from=" + q(from.toString()) + "&to=" + q(to.toString())).path("events");

    assertThat(ids(events)).containsExactlyElementsOf(history.eventIds().subList(2, 5));
  }

  @Test
  void fromAloneKeepsEverythingSince() {
    History history = busyHistory();
    Instant from = history.events.get(4).timestamp();

    JsonNode events = auditOk(history, "&from=" + q(from.toString())).path("events");

    assertThat(ids(events)).containsExactlyElementsOf(history.eventIds().subList(4, 7));
  }

  @Test
  void ndjsonExportStreamsEveryEventAsOneJsonObjectPerLine() {
    History history = busyHistory();
    JsonNode page = auditOk(history, "");

    QueryClient.Reply export =
        api.get(
            "/organizations/"
                + history.org
                + "/audit-events?minVersion="
                + q(history.last().version()),
            "Bearer " + tokens.orgAdmin(history.org),
            QueryClient.NDJSON);

    assertThat(export.status()).as("%s", export).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/x-ndjson");
    String[] lines = export.body().split("\n");
    assertThat(lines).hasSize(history.events.size());
    List<JsonNode> objects = export.jsonLines();
    assertThat(objects).allSatisfy(line -> assertThat(line.isObject()).isTrue());
    assertThat(objects).containsExactlyElementsOf(page.path("events"));
  }

  @Test
  void ndjsonExportAppliesTheFilters() {
    History history = busyHistory();

    QueryClient.Reply export =
        api.get(
            "/organizations/"
                + history.org
                + "/audit-events?type=SignInMethodChanged&minVersion="
                + q(history.last().version()),
            "Bearer " + tokens.auditor(history.org),
            QueryClient.NDJSON);

    assertThat(export.status()).as("%s", export).isEqualTo(200);
    assertThat(export.jsonLines())
        .extracting(line -> line.path("type").asText())
        .containsExactly("SignInMethodChanged", "SignInMethodChanged");
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(strings = {"1001", "0", "-5", "x"})
  void limitOutsideOneTo1000IsAValidationFailure(String limit) {
    History history = new History();

    assertProblem(audit(history, "&limit=" + limit), 400, "VALIDATION_FAILED");
  }

  @Test
  void limitOf1000IsAllowed() {
    History history = new History();

    assertThat(audit(history, "&limit=1000").status()).isEqualTo(200);
  }

  @Test
  void cursorThatIsNotBase64IsAValidationFailure() {
    History history = new History();

    assertProblem(audit(history, "&cursor=" + q("no cursor!")), 400, "VALIDATION_FAILED");
  }

  @Test
  void cursorThatIsNotAPositionIsAValidationFailure() {
    History history = new History();
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("abc".getBytes(StandardCharsets.UTF_8));

    assertProblem(audit(history, "&cursor=" + forged), 400, "VALIDATION_FAILED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"from=yesterday", "to=2026-13-01T00:00:00Z", "from=12345"})
  void malformedInstantIsAValidationFailure(String parameter) {
    History history = new History();
    String[] pair = parameter.split("=", 2);

    assertProblem(audit(history, "&" + pair[0] + "=" + q(pair[1])), 400, "VALIDATION_FAILED");
  }

  @Test
  void unknownOrganizationIsUnknownOrganization() {
    String org = UUID.randomUUID().toString();

    assertProblem(
        api.get("/organizations/" + org + "/audit-events", tokens.auditor(org)),
        404,
        "UNKNOWN_ORGANIZATION");
  }

  @Test
  void auditEventExposesTheDocumentedFieldsAndNoStorageInternals() {
    History history = new History();

    JsonNode event = auditOk(history, "").path("events").get(0);

    List<String> fields = new ArrayList<>();
    event.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .contains(
            "eventId",
            "type",
            "aggregateId",
            "sequence",
            "occurredAt",
            "actor",
            "correlationId",
            "data",
            "position",
            "previousHash",
            "hash",
            "stored")
        .doesNotContain("_id", "version", "aggregateKey");
    assertThat(event.path("data").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("organizationId", "name");
  }
}
