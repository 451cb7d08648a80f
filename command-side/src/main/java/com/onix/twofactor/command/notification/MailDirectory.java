package com.onix.twofactor.command.notification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The mailer's own small directory ({@code mail_directory}), built from the events it tracks: each
 * user's address and name, sign-in method and whether they have an active authenticator. It is what
 * a mail is addressed from, and who must set up 2FA when the policy is switched on.
 */
class MailDirectory {

  static final String COLLECTION = "mail_directory";

  record Entry(String userId, Recipient recipient, boolean exempt, boolean enrolled) {}

  private final MongoCollection<Document> users;

  MailDirectory(MongoDatabase database) {
    this.users = database.getCollection(COLLECTION);
  }

  void register(
      String userId, String organizationId, String email, String displayName, boolean exempt) {
    users.replaceOne(
        new Document("_id", userId),
        new Document("_id", userId)
            .append("organizationId", organizationId)
            .append("email", email)
            .append("displayName", displayName)
            .append("exempt", exempt)
            .append("enrolled", false),
        new ReplaceOptions().upsert(true));
  }

  void setExempt(String userId, boolean exempt) {
    set(userId, "exempt", exempt);
  }

  void setEnrolled(String userId, boolean enrolled) {
    set(userId, "enrolled", enrolled);
  }

  Optional<Entry> find(String userId) {
    return Optional.ofNullable(users.find(new Document("_id", userId)).first())
        .map(MailDirectory::from);
  }

  /**
   * The organization's users without an authenticator who are not exempt. On the embedded store
   * this reads the whole collection: it runs once per switch of the policy.
   */
  List<Entry> needingSetup(String organizationId) {
    List<Entry> found = new ArrayList<>();
    users
        .find(
            new Document("organizationId", organizationId)
                .append("exempt", false)
                .append("enrolled", false))
        .forEach(document -> found.add(from(document)));
    return found;
  }

  private void set(String userId, String field, boolean value) {
    users.updateOne(
        new Document("_id", userId),
        new Document("$set", new Document(field, value)),
        new UpdateOptions().upsert(false));
  }

  private static Entry from(Document document) {
    return new Entry(
        document.getString("_id"),
        new Recipient(document.getString("email"), document.getString("displayName")),
        document.getBoolean("exempt", false),
        document.getBoolean("enrolled", false));
  }
}
