package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.AuditEvent;
import com.onix.twofactor.console.apis.AuditQuery;
import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.page.ViewerTime;
import com.onix.twofactor.console.signin.SignedInPerson;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A user's own history, newest first, as their page shows it. */
@Component
public class UserHistory {

  static final int SHOWN = 20;

  private final ConsoleApis apis;

  public UserHistory(ConsoleApis apis) {
    this.apis = apis;
  }

  public List<AuditEvent> newest(SignedInPerson person, String userId, String minVersion) {
    NewestFirst newest = new NewestFirst(0, SHOWN);
    apis.eachAuditEvent(
        person.organizationId(), AuditQuery.ofUser(userId), minVersion, person.token(), newest);
    return newest.events();
  }

  public List<AuditLine> lines(
      SignedInPerson person, List<AuditEvent> events, ViewerTime time, Map<String, String> known) {
    UserNames names = new UserNames(apis, person);
    known.forEach(names::know);
    AuditSentences sentences = new AuditSentences(names, time);
    return events.stream().map(sentences::line).toList();
  }
}
