package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.AuditQuery;
import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.ConsoleUser;
import com.onix.twofactor.console.apis.UserPage;
import com.onix.twofactor.console.page.Checked;
import com.onix.twofactor.console.page.ViewerTime;
import com.onix.twofactor.console.signin.SignedInPerson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log's filters as the page's form sends them (a user by email or id, an event type, a
 * time window in the viewer's zone, the order), checked and turned into the query side's filter.
 */
public record AuditFilterForm(
    String user, String type, String from, String to, boolean oldestFirst) {

  private static final int USER_SCAN_LIMIT = 500;

  public static AuditFilterForm of(String user, String type, String from, String to, String order) {
    return new AuditFilterForm(
        user == null ? "" : user.strip(),
        Checked.oneOf(type, AuditSentences.TYPES.keySet()),
        from == null ? "" : from,
        to == null ? "" : to,
        "oldest".equals(order));
  }

  /** The query; {@code unknownUser} when a user was asked for whom the organization lacks. */
  public record Resolved(AuditQuery query, boolean unknownUser, String userId) {}

  public Resolved resolve(ConsoleApis apis, SignedInPerson person, ViewerTime time) {
    String userId = null;
    boolean unknown = false;
    if (!user.isEmpty()) {
      userId = Checked.isId(user) ? user : findByEmail(apis, person);
      unknown = userId == null;
    }
    Instant start = time.parseInput(from);
    Instant end = time.parseInput(to);
    List<String> types = type == null ? List.of() : List.of(type);
    return new Resolved(new AuditQuery(userId, types, start, end), unknown, userId);
  }

  /** The same filter as query parameters of a console address. */
  public String queryString(boolean withOrder) {
    UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
    if (!user.isEmpty()) {
      uri.queryParam("user", "{user}");
    }
    if (type != null) {
      uri.queryParam("type", type);
    }
    if (!from.isEmpty()) {
      uri.queryParam("from", "{from}");
    }
    if (!to.isEmpty()) {
      uri.queryParam("to", "{to}");
    }
    if (withOrder && oldestFirst) {
      uri.queryParam("order", "oldest");
    }
    String query =
        uri.encode()
            .buildAndExpand(java.util.Map.of("user", user, "from", from, "to", to))
            .toUriString();
    return query.startsWith("?") ? query.substring(1) : query;
  }

  private String findByEmail(ConsoleApis apis, SignedInPerson person) {
    String wanted = user.toLowerCase(Locale.ROOT);
    String cursor = null;
    do {
      UserPage page =
          apis.users(person.organizationId(), null, null, USER_SCAN_LIMIT, cursor, person.token());
      for (ConsoleUser candidate : page.users()) {
        if (candidate.email().toLowerCase(Locale.ROOT).equals(wanted)) {
          return candidate.userId();
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return null;
  }
}
