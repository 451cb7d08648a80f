package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.type.ObjectDataType;

/** The cheap comparison orders index keys exactly as H2's own, which wrote the existing files. */
class IndexKeyOrderPropertyTest {

  private final ObjectDataType h2 = new ObjectDataType();
  private final IndexKeyOrder cached = new IndexKeyOrder();

  @Property(tries = 2_000)
  void ordersEveryPairOfKeysAsH2Does(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
    int expected = Integer.signum(h2.compare(a, b));
    assertThat(Integer.signum(cached.compare(a, b))).isEqualTo(expected);
    // A second time, from the cached serializations.
    assertThat(Integer.signum(cached.compare(a, b))).isEqualTo(expected);
    assertThat(Integer.signum(cached.compare(b, a))).isEqualTo(-expected);
  }

  @Property(tries = 200)
  void ordersOtherKeysAsH2Does(@ForAll("values") Object a, @ForAll("values") Object b) {
    assertThat(Integer.signum(cached.compare(a, b))).isEqualTo(Integer.signum(h2.compare(a, b)));
  }

  @Provide
  Arbitrary<KeyValue> keys() {
    return values().list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.of("org-1:1", "org-1:2", "org-1:10", "user:0").map(Object.class::cast),
        Arbitraries.just(List.of("a", 1L)).map(Object.class::cast));
  }
}
