package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.type.ObjectDataType;

/** The shortcut serialization of an index key is, byte for byte, the one H2 makes. */
class IndexKeyBytesPropertyTest {

  @Property(tries = 2_000)
  void aStringKeyIsSerializedAsH2Does(@ForAll("strings") String value) {
    KeyValue key = new KeyValue(value);
    assertThat(IndexKeyBytes.of(key)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Property(tries = 1_000)
  void aLongKeyIsSerializedAsH2Does(@ForAll long value) {
    KeyValue key = new KeyValue(value);
    assertThat(IndexKeyBytes.of(key)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Property(tries = 500)
  void otherKeysAreSerializedByH2(@ForAll("others") KeyValue key) {
    assertThat(IndexKeyBytes.of(key)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings()
            .withChars('\u0000', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff')
            .ofMaxLength(20),
        Arbitraries.of("org-1:1", "0b6f1c1e-9a2b-4c61-9f7e-2d3c4b5a6978:17", ""));
  }

  @Example
  void aStringTooLongForAShortLengthIsSerializedByH2() {
    KeyValue key = new KeyValue("x".repeat(70_000));
    assertThat(IndexKeyBytes.of(key)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Provide
  Arbitrary<KeyValue> others() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(KeyValue::new),
        Arbitraries.doubles().map(KeyValue::new),
        Arbitraries.strings().ofMaxLength(10).list().ofMinSize(2).ofMaxSize(3).map(KeyValue::new));
  }
}
