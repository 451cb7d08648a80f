package com.onix.twofactor.command.store;

import com.onix.twofactor.command.store.SerializedForms.StoredDocument;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store: what the H2 backend's collection does, over a map that keeps
 * each document's serialized form (see {@link SerializedForms}). Same map names and layout.
 */
final class StoreCollection extends AbstractSynchronizedMongoCollection<Object> {

  private static final String DATA_SIZE_KEY = "dataSize";

  private final MVMap<Object, StoredDocument> documents;
  private final MVMap<String, Object> meta;

  StoreCollection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, StoredDocument> documents,
      MVMap<String, Object> meta,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, cursorRegistry);
    this.documents = documents;
    this.meta = meta;
    meta.putIfAbsent(DATA_SIZE_KEY, 0L);
  }

  /**
   * Under the collection's lock, like its reads and writes (the base class leaves these two out):
   * an index built beside writes missed the documents written meanwhile, and a drop beside an
   * update changed the index list under it.
   */
  @Override
  public synchronized void addIndex(Index<Object> index) {
    super.addIndex(index);
  }

  @Override
  public synchronized void dropIndex(String indexName) {
    super.dropIndex(indexName);
  }

  @Override
  protected void updateDataSize(int sizeDelta) {
    synchronized (meta) {
      Number size = (Number) meta.get(DATA_SIZE_KEY);
      meta.put(DATA_SIZE_KEY, size.longValue() + sizeDelta);
    }
  }

  @Override
  protected int getDataSize() {
    return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    Object key =
        getIdField() != null
            ? Utils.getSubdocumentValue(document, getIdField())
            : UUID.randomUUID();
    StoredDocument previous = documents.put(Missing.ofNullable(key), StoredDocument.of(document));
    if (previous != null) {
      throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
    }
    return key;
  }

  @Override
  public int count() {
    return documents.size();
  }

  @Override
  public boolean isEmpty() {
    return documents.isEmpty();
  }

  @Override
  protected Document getDocument(Object position) {
    StoredDocument stored = documents.get(position);
    return stored == null ? null : stored.document();
  }

  @Override
  protected void removeDocument(Object position) {
    if (documents.remove(position) == null) {
      throw new NoSuchElementException("No document with key " + position);
    }
  }

  @Override
  protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
    return documents.entrySet().stream()
        .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
  }

  @Override
  protected QueryResult matchDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    Stream<Document> stream;
    if (isNaturalDescending(orderBy)) {
      stream =
          streamAllDocumentsWithPosition()
              .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
              .map(DocumentWithPosition::getDocument);
    } else {
      stream = documents.values().stream().map(StoredDocument::document);
    }
    return matchDocumentsFromStream(
        stream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    documents.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
  }
}
