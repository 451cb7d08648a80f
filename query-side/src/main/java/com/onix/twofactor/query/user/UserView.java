package com.onix.twofactor.query.user;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads the users view. */
@Component
public class UserView {

  static final String POSITION = "position";

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> emails;
  private final MongoCollection<Document> members;
  private final MongoCollection<Document> memberCounters;

  public UserView(ViewStore views) {
    this.users = views.collection(ViewStore.USERS);
    this.emails = views.collection(ViewStore.USER_EMAILS);
    this.members = views.collection(ViewStore.MEMBERS);
    this.memberCounters = views.collection(ViewStore.MEMBER_COUNTERS);
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

  /** A user and their place in the organization's list (registration order). */
  public record Listed(long position, UserDocument user) {}

  /** The organization's users at positions after {@code after}, at most {@code limit}. */
  public List<Listed> page(String organizationId, long after, int limit) {
    Document counter = memberCounters.find(new Document("_id", organizationId)).first();
    long last = counter == null ? 0 : counter.get("last", Number.class).longValue();
    List<String> keys = new ArrayList<>();
    for (long position = after + 1; position <= Math.min(last, after + limit); position++) {
      keys.add(memberKey(organizationId, position));
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, Long> positions = new HashMap<>();
    members
        .find(new Document("_id", new Document("$in", keys)))
        .forEach(
            member -> {
              String key = member.getString("_id");
              positions.put(
                  member.getString("userId"),
                  Long.parseLong(key.substring(key.lastIndexOf(':') + 1)));
            });
    List<Listed> page = new ArrayList<>();
    users
        .find(new Document("_id", new Document("$in", new ArrayList<>(positions.keySet()))))
        .forEach(
            user ->
                page.add(
                    new Listed(positions.get(user.getString("_id")), UserDocument.from(user))));
    page.sort(Comparator.comparingLong(Listed::position));
    return page;
  }

  static String memberKey(String organizationId, long position) {
    return organizationId + ":" + position;
  }
}
