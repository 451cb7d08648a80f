package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.ApiRefusal;
import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.signin.SignedInPerson;
import java.util.HashMap;
import java.util.Map;

/**
 * The emails of the users an audit page mentions, looked up once per page through the query side
 * with the viewer's token (so only their own organization's users can be named).
 */
public final class UserNames {

  private final ConsoleApis apis;
  private final SignedInPerson person;
  private final Map<String, String> known = new HashMap<>();

  public UserNames(ConsoleApis apis, SignedInPerson person) {
    this.apis = apis;
    this.person = person;
  }

  public void know(String userId, String email) {
    known.put(userId, email);
  }

  /** The user's email, or their id when they cannot be found. */
  public String of(String userId) {
    if (userId == null) {
      return "someone";
    }
    return known.computeIfAbsent(userId, this::lookUp);
  }

  private String lookUp(String userId) {
    try {
      return apis.user(person.organizationId(), userId, null, person.token()).email();
    } catch (ApiRefusal notFound) {
      if (!"UNKNOWN_USER".equals(notFound.code()) && !"INVALID_ID".equals(notFound.code())) {
        throw notFound;
      }
      return userId;
    }
  }
}
