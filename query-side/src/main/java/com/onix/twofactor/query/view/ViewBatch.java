package com.onix.twofactor.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The view documents one batch of events reads and writes, held in memory and written in one bulk
 * request per collection when the batch ends, instead of several round trips to the store for every
 * event. Documents are addressed by {@code _id} only; a read sees the batch's own writes.
 *
 * <p>The projections are one single-threaded processor, the only writer of the views, so a document
 * read once stays what this batch thinks it is until the batch writes it. Writes go out in {@link
 * ViewStore#WRITE_ORDER}: each projection's guard (the document whose version says an event was
 * applied) after the documents it guards, so a batch cut short by a crash is made up for by its
 * replay.
 */
public final class ViewBatch {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  /**
   * Keys per {@code $in} request. The embedded store checks every document it finds against every
   * value of the {@code $in}, so a request's cost grows with the square of its keys: 64 keys cost
   * about as much matching as one round trip does.
   */
  static final int KEYS_PER_REQUEST = 64;

  private final ViewStore store;
  private final boolean writeThrough;
  private final Map<String, Map<String, Optional<Document>>> known = new HashMap<>();
  private final Map<String, Map<String, Document>> pending = new LinkedHashMap<>();
  private final Map<String, Map<Object, Optional<Document>>> byField = new HashMap<>();

  private ViewBatch(ViewStore store, boolean writeThrough) {
    this.store = store;
    this.writeThrough = writeThrough;
  }

  /** A batch that keeps its writes until {@link #flush()}. */
  static ViewBatch buffered(ViewStore store) {
    return new ViewBatch(store, false);
  }

  /** A batch that writes each document at once: for a projection called outside a processor. */
  static ViewBatch writeThrough(ViewStore store) {
    return new ViewBatch(store, true);
  }

  /** The document keyed {@code id}, as this batch has it. */
  public Optional<Document> find(String collection, String id) {
    Map<String, Optional<Document>> documents = documents(collection);
    Optional<Document> document = documents.get(id);
    if (document == null) {
      document = Optional.ofNullable(store.collection(collection).find(byId(id)).first());
      if (!writeThrough) {
        documents.put(id, document);
      }
    }
    return document;
  }

  /** Reads, in one request, the documents with these keys the batch does not know yet. */
  public void preload(String collection, Collection<String> ids) {
    Map<String, Optional<Document>> documents = documents(collection);
    Set<String> unknown = new LinkedHashSet<>();
    for (String id : ids) {
      if (!documents.containsKey(id)) {
        unknown.add(id);
      }
    }
    if (unknown.isEmpty() || writeThrough) {
      return;
    }
    for (String id : unknown) {
      documents.put(id, Optional.empty());
    }
    for (List<?> keys : inRequests(unknown)) {
      store
          .collection(collection)
          .find(new Document("_id", new Document("$in", keys)))
          .forEach(document -> documents.put(document.getString("_id"), Optional.of(document)));
    }
  }

  /**
   * Reads, in one request, the documents whose {@code field} (one with a unique index) holds one of
   * {@code values}, so that {@link #findBy} answers for those values from memory.
   */
  public void preloadBy(String collection, String field, Collection<?> values) {
    if (values.isEmpty() || writeThrough) {
      return;
    }
    Map<Object, Optional<Document>> index = index(collection, field);
    for (Object value : values) {
      index.putIfAbsent(value, Optional.empty());
    }
    Map<String, Optional<Document>> documents = documents(collection);
    for (List<?> keys : inRequests(values)) {
      store
          .collection(collection)
          .find(new Document(field, new Document("$in", keys)))
          .forEach(
              document -> {
                index.put(document.get(field), Optional.of(document));
                documents.putIfAbsent(document.getString("_id"), Optional.of(document));
              });
    }
  }

  private static List<List<?>> inRequests(Collection<?> keys) {
    List<Object> all = new ArrayList<>(keys);
    List<List<?>> requests = new ArrayList<>();
    for (int from = 0; from < all.size(); from += KEYS_PER_REQUEST) {
      requests.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_REQUEST)));
    }
    return requests;
  }

  /** The document whose {@code field} (one with a unique index) holds {@code value}. */
  public Optional<Document> findBy(String collection, String field, Object value) {
    Map<Object, Optional<Document>> index = byField.get(indexName(collection, field));
    Optional<Document> document = index == null ? null : index.get(value);
    if (document == null) {
      document =
          Optional.ofNullable(
              store.collection(collection).find(new Document(field, value)).first());
    }
    return document;
  }

  /** Sets the whole document keyed by its {@code _id}, creating it if need be. */
  public void put(String collection, Document document) {
    String id = document.getString("_id");
    if (writeThrough) {
      store.collection(collection).replaceOne(byId(id), document, UPSERT);
      return;
    }
    documents(collection).put(id, Optional.of(document));
    byField.forEach(
        (name, index) -> {
          String prefix = collection + '\u0000';
          if (name.startsWith(prefix) && document.containsKey(name.substring(prefix.length()))) {
            index.put(document.get(name.substring(prefix.length())), Optional.of(document));
          }
        });
    pending.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
  }

  /** Writes what the batch changed, one bulk request per collection, and forgets it. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    for (String collection : ViewStore.inWriteOrder(pending.keySet())) {
      Map<String, Document> documents = pending.get(collection);
      List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
      documents.forEach(
          (id, document) -> writes.add(new ReplaceOneModel<>(byId(id), document, UPSERT)));
      MongoCollection<Document> target = store.collection(collection);
      target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
    pending.clear();
  }

  boolean hasPendingWrites() {
    return !pending.isEmpty();
  }

  private Map<String, Optional<Document>> documents(String collection) {
    return known.computeIfAbsent(collection, name -> new HashMap<>());
  }

  private Map<Object, Optional<Document>> index(String collection, String field) {
    return byField.computeIfAbsent(indexName(collection, field), name -> new HashMap<>());
  }

  private static String indexName(String collection, String field) {
    return collection + '\u0000' + field;
  }

  private static Document byId(String id) {
    return new Document("_id", id);
  }
}
