package com.onix.twofactor.query.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.support.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An organization's history of five events, one commit each, projected into its audit history:
 * registered, a user registered, policy enabled, the user's sign-in method changed, policy
 * disabled.
 */
final class TamperableHistory {

  final String org;
  final String user;
  final List<EventFeed.Appended> events = new ArrayList<>();
  private final QueryClient api;
  private final Tokens tokens;
  private List<JsonNode> entries;

  /** Appended between positions 3 and 4, if asked for: another organization's event. */
  final EventFeed.Appended between;

  TamperableHistory(EventFeed feed, QueryClient api, Tokens t) {
    this(feed, api, t, null);
  }

  TamperableHistory(
      EventFeed feed, QueryClient api, Tokens t, Supplier<EventFeed.Appended> betweenThreeAndFour) {
    this.api = api;
    this.tokens = t;
    this.org = UUID.randomUUID().toString();
    this.user = UUID.randomUUID().toString();
    events.add(feed.organizationRegistered(org, "Tamper Inc"));
    events.add(
        feed.userRegistered(
            org, user, "tamper-" + user + "@example.org", "Tamper Tess", SignInMethod.PASSWORD));
    events.add(feed.policyEnabled(org));
    between = betweenThreeAndFour == null ? null : betweenThreeAndFour.get();
    events.add(feed.signInMethodChanged(org, user, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
    events.add(feed.policyDisabled(org));
    QueryClient.Reply export =
        api.get(
            "/organizations/"
                + org
                + "/audit-events?minVersion="
                + QueryClient.q(events.get(4).version()),
            "Bearer " + t.auditor(org),
            QueryClient.NDJSON);
    assertThat(export.status()).as("%s", export).isEqualTo(200);
    entries = export.jsonLines();
    assertThat(entries).hasSize(5);
  }

  /** The event at a position (from 1). */
  EventFeed.Appended at(int position) {
    return events.get(position - 1);
  }

  String hashAt(int position) {
    return entries.get(position - 1).path("hash").asText();
  }

  List<JsonNode> entries() {
    return entries;
  }

  JsonNode integrity() {
    QueryClient.Reply reply =
        api.get("/organizations/" + org + "/audit-integrity", tokens.auditor(org));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }
}
