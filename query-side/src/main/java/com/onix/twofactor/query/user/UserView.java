package com.onix.twofactor.query.user;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads the users view. */
@Component
public class UserView {

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> emails;

  public UserView(ViewStore views) {
    this.users = views.collection(ViewStore.USERS);
    this.emails = views.collection(ViewStore.USER_EMAILS);
  }

  public Optional<UserDocument> byId(String userId) {
    return Optional.ofNullable(users.find(new Document("_id", userId)).first())
        .map(UserDocument::from);
  }

  /**
   * @throws ApiProblem 404 {@code UNKNOWN_USER}, also for a user of another organization
   */
  public UserDocument inOrganization(String organizationId, String userId) {
    return byId(userId)
        .filter(user -> user.organizationId().equals(organizationId))
        .orElseThrow(ApiProblem::unknownUser);
  }

  public Optional<UserDocument> byEmail(String email) {
    if (!EmailAddress.isValid(email)) {
      return Optional.empty();
    }
    String key = new EmailAddress(email).uniquenessKey();
    return Optional.ofNullable(emails.find(new Document("_id", key)).first())
        .flatMap(entry -> byId(entry.getString("userId")));
  }

  /**
   * Users of the organization ordered by email, after {@code afterEmailKey}, at most {@code limit}.
   */
  public List<UserDocument> page(String organizationId, String afterEmailKey, int limit) {
    Document filter = new Document("organizationId", organizationId);
    if (afterEmailKey != null) {
      filter.append("emailKey", new Document("$gt", afterEmailKey));
    }
    return users
        .find(filter)
        .sort(new Document("emailKey", 1))
        .limit(limit)
        .map(UserDocument::from)
        .into(new ArrayList<>());
  }

  public long appliedVersion(String userId) {
    return Versioned.appliedVersion(users, userId);
  }
}
