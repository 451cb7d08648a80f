package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.store.SerializedForms.StoredDocument;
import com.onix.twofactor.command.store.SerializedForms.StoredKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The index keys sort and store exactly as H2's own type sorts and stores them, so an index built
 * by either is searched correctly by the other.
 */
class SerializedFormsPropertiesTest {

  private final ObjectDataType h2 = new ObjectDataType();
  private final SerializedForms.KeyType keys = new SerializedForms.KeyType();

  @Provide
  Arbitrary<KeyValue> keyValues() {
    Arbitrary<Object> component =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.integers().map(Object.class::cast),
            Arbitraries.of("a:1", "a:10", "a:2", "b:1").map(Object.class::cast));
    return component.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
  }

  @Property(tries = 500)
  void keysCompareAsH2ComparesThem(
      @ForAll("keyValues") KeyValue a, @ForAll("keyValues") KeyValue b) {
    assertThat(Integer.signum(keys.compare(StoredKey.of(a), StoredKey.of(b))))
        .isEqualTo(Integer.signum(h2.compare(a, b)));
  }

  @Property(tries = 200)
  void keysAreWrittenAsH2WritesThemAndReadBackEitherWay(@ForAll("keyValues") KeyValue key) {
    WriteBuffer ours = new WriteBuffer();
    keys.write(ours, StoredKey.of(key));
    WriteBuffer theirs = new WriteBuffer();
    h2.write(theirs, key);
    byte[] written = bytes(ours);
    assertThat(written).isEqualTo(bytes(theirs));

    assertThat(keys.read(ByteBuffer.wrap(written)).value()).isEqualTo(key);
    assertThat(h2.read(ByteBuffer.wrap(written))).isEqualTo(key);
  }

  @Property(tries = 100)
  void documentsAreWrittenAsH2WritesThem(
      @ForAll("keyValues") KeyValue id, @ForAll List<String> payloads) {
    Document document = new Document("_id", id.get(0)).append("payloads", payloads);
    SerializedForms.DocumentType documents = new SerializedForms.DocumentType();
    WriteBuffer ours = new WriteBuffer();
    documents.write(ours, StoredDocument.of(document));
    WriteBuffer theirs = new WriteBuffer();
    h2.write(theirs, document);
    byte[] written = bytes(ours);
    assertThat(written).isEqualTo(bytes(theirs));

    assertThat(documents.read(ByteBuffer.wrap(written)).document()).isEqualTo(document);
  }

  private static byte[] bytes(WriteBuffer buffer) {
    ByteBuffer written = buffer.getBuffer();
    written.flip();
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);
    return bytes;
  }
}
