package com.onix.twofactor.query.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.erdtman.jcs.JsonCanonicalizer;

/** The chain record's canonical form is what the RFC 8785 authors' canonicalizer writes. */
class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 300)
  void isWhatTheReferenceCanonicalizerWrites(
      @ForAll("text") String organizationId,
      // globalIndex is position * 3: every integer stays below 2^53, as the store's do.
      @ForAll @LongRange(min = 1, max = 3_002_399_751_580_330L) long position,
      @ForAll("text") String metaData,
      @ForAll("textOrNull") String payloadRevision,
      @ForAll("text") String timestamp)
      throws Exception {
    ChainRecord record =
        new ChainRecord(
            organizationId,
            position,
            ChainRecord.GENESIS,
            "event-" + position,
            "aggregate",
            position - 1,
            position * 3,
            "UserTwoFactor",
            timestamp,
            "com.onix.Some",
            payloadRevision,
            "ab".repeat(32),
            metaData);

    String reference =
        new JsonCanonicalizer(JSON.writeValueAsString(record.members())).getEncodedString();

    assertThat(record.canonicalJson()).isEqualTo(reference);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withChars('"', '\\', '\u2028', '\u2603', '\u00e9', '\u007f')
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> textOrNull() {
    return text().injectNull(0.3);
  }
}
