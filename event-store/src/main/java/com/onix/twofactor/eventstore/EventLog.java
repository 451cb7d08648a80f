package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The collections of the event store.
 *
 * <ul>
 *   <li>{@code event_commits}: one document per commit (the events one unit of work appended to one
 *       aggregate), keyed {@code <aggregateId>:<first sequence number>}, so two writers of the same
 *       aggregate version collide on {@code _id}. Each commit also holds the global index of its
 *       first event under a unique index: its events take that index and the ones after it.
 *   <li>{@code event_snapshots}: the newest snapshot of each aggregate, keyed by aggregate id.
 *   <li>{@code event_store}: the global sequence counter and the layout marker.
 * </ul>
 *
 * Every read is an equality or {@code $in} on {@code _id} or on the unique {@code globalIndex}: the
 * only filters the embedded store answers from an index, and cheap on a real MongoDB too.
 */
public final class EventLog {

  static final String COMMITS = "event_commits";
  static final String SNAPSHOTS = "event_snapshots";
  static final String CONTROL = "event_store";
  static final String GLOBAL_INDEX = "globalIndex";

  private final MongoCollection<Document> commits;
  private final MongoCollection<Document> snapshots;
  private final MongoCollection<Document> control;
  private final MongoDatabase database;

  public EventLog(MongoDatabase database) {
    this.database = database;
    this.commits = database.getCollection(COMMITS);
    this.snapshots = database.getCollection(SNAPSHOTS);
    this.control = database.getCollection(CONTROL);
  }

  /**
   * Declares the one secondary index the layout needs and creates the global counter; a no-op when
   * both exist.
   */
  public void ensureIndexes() {
    commits.createIndex(
        Indexes.ascending(GLOBAL_INDEX), new IndexOptions().unique(true).name(GLOBAL_INDEX));
    new GlobalSequence(this).ensureCounter();
  }

  MongoCollection<Document> commits() {
    return commits;
  }

  MongoCollection<Document> snapshots() {
    return snapshots;
  }

  MongoCollection<Document> control() {
    return control;
  }

  MongoDatabase database() {
    return database;
  }
}
