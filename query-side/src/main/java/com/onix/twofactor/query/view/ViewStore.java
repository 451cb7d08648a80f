package com.onix.twofactor.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.onix.twofactor.support.store.StoreSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The view collections. Every document is keyed by {@code _id} on what it is looked up by, so a
 * query is a key lookup on the embedded store too, which serves nothing else from an index. The
 * {@value #PREFIX} prefix marks what a rebuild may drop.
 */
@Component
public class ViewStore {

  public static final String PREFIX = "view_";
  public static final String ORGANIZATIONS = PREFIX + "organizations";
  public static final String USERS = PREFIX + "users";
  public static final String USER_EMAILS = PREFIX + "user_emails";
  public static final String MEMBERS = PREFIX + "members";
  public static final String MEMBER_COUNTERS = PREFIX + "member_counters";
  public static final String MEMBER_POSITIONS = PREFIX + "member_positions";
  public static final String AUDIT_EVENTS = PREFIX + "audit_events";
  public static final String AUDIT_COUNTERS = PREFIX + "audit_counters";
  public static final String AUDIT_VERSIONS = PREFIX + "audit_versions";

  /**
   * The order a batch writes its documents in. What a reader waits for comes last: the versions a
   * {@code minVersion} waits on (users, audit), so that once one shows an event, everything the
   * batch wrote before is there too (an organization before its users' views). And what a
   * projection finds again on a replay (an email, a list position, an audit entry by its event id)
   * comes before the counters and versions that say its event is applied.
   */
  public static final List<String> WRITE_ORDER =
      List.of(
          ORGANIZATIONS,
          USER_EMAILS,
          MEMBERS,
          MEMBER_POSITIONS,
          MEMBER_COUNTERS,
          AUDIT_EVENTS,
          AUDIT_COUNTERS,
          USERS,
          AUDIT_VERSIONS);

  private final MongoDatabase database;
  private final boolean embedded;

  @Autowired
  public ViewStore(MongoDatabase database, StoreSettings settings) {
    this.database = database;
    this.embedded = settings.embedded();
    createIndexes(embedded);
  }

  private ViewStore(MongoDatabase database) {
    this.database = database;
    this.embedded = false;
  }

  /** The views of a store that a tool only reads (the audit check): it declares nothing. */
  public static ViewStore forReading(MongoDatabase database) {
    return new ViewStore(database);
  }

  /** Drops every view collection, for a rebuild from the event store, and sets them up anew. */
  public void dropAll() {
    for (String name : viewCollections()) {
      collection(name).drop();
    }
    createIndexes(embedded);
  }

  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  private void createIndexes(boolean embedded) {
    // Unique: the embedded store serves an exact match on these keys from the index.
    collection(AUDIT_EVENTS)
        .createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
    collection(AUDIT_EVENTS)
        .createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
  }

  /** {@code collections} in {@link #WRITE_ORDER}, any others after them as given. */
  public static List<String> inWriteOrder(Collection<String> collections) {
    List<String> ordered = new ArrayList<>(WRITE_ORDER);
    ordered.retainAll(collections);
    for (String collection : collections) {
      if (!ordered.contains(collection)) {
        ordered.add(collection);
      }
    }
    return ordered;
  }

  public List<String> viewCollections() {
    return database.listCollectionNames().into(new ArrayList<>()).stream()
        .filter(name -> name.startsWith(PREFIX))
        .toList();
  }
}
