package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
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
 * Index keys held serialized are stored and ordered exactly as H2's own type stores and orders
 * them, which wrote the existing files.
 */
class SerializedIndexKeyTypePropertyTest {

  private final ObjectDataType h2 = new ObjectDataType();
  private final SerializedIndexKeyType serialized = new SerializedIndexKeyType();

  @Property(tries = 2_000)
  void ordersEveryPairOfKeysAsH2Does(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
    int expected = Integer.signum(h2.compare(a, b));
    SerializedIndexKey first = SerializedIndexKey.of(a);
    SerializedIndexKey second = SerializedIndexKey.of(b);
    assertThat(Integer.signum(serialized.compare(first, second))).isEqualTo(expected);
    assertThat(Integer.signum(serialized.compare(second, first))).isEqualTo(-expected);
  }

  @Property(tries = 500)
  void writesTheBytesH2Writes(@ForAll("keys") KeyValue key) {
    WriteBuffer ours = new WriteBuffer();
    serialized.write(ours, SerializedIndexKey.of(key));
    WriteBuffer theirs = new WriteBuffer();
    h2.write(theirs, key);
    assertThat(bytes(ours)).isEqualTo(bytes(theirs));
  }

  @Property(tries = 500)
  void readsWhatH2WroteBackToTheSameKey(@ForAll("keys") KeyValue key) {
    WriteBuffer theirs = new WriteBuffer();
    h2.write(theirs, key);
    SerializedIndexKey read = serialized.read(ByteBuffer.wrap(bytes(theirs)));
    assertThat(read.keyValue()).isEqualTo(key);
    assertThat(h2.read(ByteBuffer.wrap(bytesOf(read)))).isEqualTo(key);
  }

  private byte[] bytesOf(SerializedIndexKey key) {
    WriteBuffer buffer = new WriteBuffer();
    serialized.write(buffer, key);
    return bytes(buffer);
  }

  private static byte[] bytes(WriteBuffer buffer) {
    ByteBuffer written = buffer.getBuffer();
    written.flip();
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);
    return bytes;
  }

  @Provide
  Arbitrary<KeyValue> keys() {
    return values().list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
  }

  private Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.of("org-1:1", "org-1:2", "org-1:10", "user:0").map(Object.class::cast),
        Arbitraries.just(List.of("a", 1L)).map(Object.class::cast));
  }
}
