package com.onix.twofactor.kernel.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.web.api.Web;

class EmailAddressTest {

  // --- valid shapes ------------------------------------------------------------------------

  @Property
  void wellFormedAddressesAreAccepted(@ForAll("addresses") String address) {
    assertThat(EmailAddress.isValid(address)).isTrue();
    assertThat(new EmailAddress(address).value()).isEqualTo(address);
  }

  @Example
  void anAddressOfExactly254CharactersIsAccepted() {
    String domain = "@example.org";
    String address = "a".repeat(EmailAddress.MAX_LENGTH - domain.length()) + domain;

    assertThat(address).hasSize(254);
    assertThat(EmailAddress.isValid(address)).isTrue();
  }

  // --- the uniqueness key ----------------------------------------------------------------------

  @Property
  void anyCaseVariationOfAnAddressHasTheSameKey(@ForAll("caseVariations") String[] pair) {
    String original = pair[0];
    String variation = pair[1];

    assertThat(new EmailAddress(variation).uniquenessKey())
        .isEqualTo(new EmailAddress(original).uniquenessKey());
  }

  @Property
  void addressesThatDifferBeyondCaseHaveDifferentKeys(
      @ForAll("addresses") String one, @ForAll("addresses") String other) {
    Assume.that(!one.equalsIgnoreCase(other));

    assertThat(new EmailAddress(one).uniquenessKey())
        .isNotEqualTo(new EmailAddress(other).uniquenessKey());
  }

  @Property
  void theKeyIsTheLowerCaseForm(@ForAll("addresses") String address) {
    assertThat(new EmailAddress(address).uniquenessKey())
        .isEqualTo(address.toLowerCase(Locale.ROOT));
  }

  @Example
  void twoSpellingsOfOneAddressShareTheKey() {
    assertThat(new EmailAddress("Ann.Smith@Example.ORG").uniquenessKey())
        .isEqualTo(new EmailAddress("ann.smith@example.org").uniquenessKey())
        .isEqualTo("ann.smith@example.org");
  }

  // --- rejected shapes -------------------------------------------------------------------------

  @Property
  void aStringWithoutAnAtSignIsRejected(@ForAll String candidate) {
    Assume.that(candidate.indexOf('@') < 0);

    assertRejected(candidate);
  }

  @Property
  void anAddressWithItsAtSignRemovedIsRejected(@ForAll("addresses") String address) {
    assertRejected(address.replace("@", ""));
  }

  @Property
  void anAddressWithWhitespaceAnywhereIsRejected(@ForAll("withWhitespace") String candidate) {
    assertRejected(candidate);
  }

  @Property
  void anAddressLongerThan254CharactersIsRejected(@ForAll("tooLong") String candidate) {
    assertThat(candidate.length()).isGreaterThan(EmailAddress.MAX_LENGTH);
    assertRejected(candidate);
  }

  @Example
  void nullIsNotAnAddress() {
    assertThat(EmailAddress.isValid(null)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(null));
  }

  @Example
  void anAddressWithTwoAtSignsIsRejected() {
    assertRejected("ann@bob@example.org");
  }

  @Example
  void anAddressWithoutADottedDomainIsRejected() {
    assertRejected("ann@localhost");
  }

  private static void assertRejected(String candidate) {
    assertThat(EmailAddress.isValid(candidate)).as("isValid(%s)", candidate).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(candidate));
  }

  // --- generators -----------------------------------------------------------------------------

  /** RFC 5321 dot-atom addresses at a domain name (jqwik's generator), as long as we allow. */
  @Provide
  Arbitrary<String> addresses() {
    return Web.emails().filter(address -> address.length() <= EmailAddress.MAX_LENGTH);
  }

  @Provide
  Arbitrary<String[]> caseVariations() {
    return Combinators.combine(addresses(), Arbitraries.longs())
        .as((address, seed) -> new String[] {address, flipCases(address, seed)});
  }

  @Provide
  Arbitrary<String> withWhitespace() {
    Arbitrary<Character> whitespace = Arbitraries.of(' ', '\t', '\n', '\r', '\u00a0');
    return Combinators.combine(addresses(), whitespace, Arbitraries.doubles().between(0, 1))
        .as(
            (address, blank, where) -> {
              int at = (int) Math.round(where * address.length());
              return address.substring(0, at) + blank + address.substring(at);
            });
  }

  @Provide
  Arbitrary<String> tooLong() {
    return Combinators.combine(
            addresses(), Arbitraries.integers().between(EmailAddress.MAX_LENGTH + 1, 600))
        .as(
            (address, length) -> {
              // Pad the local part: the shape stays valid, only the length is wrong.
              int missing = Math.max(0, length - address.length());
              return "x".repeat(missing) + address;
            })
        .filter(address -> address.length() > EmailAddress.MAX_LENGTH);
  }

  private static String flipCases(String address, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder flipped = new StringBuilder(address.length());
    for (char c : address.toCharArray()) {
      flipped.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return flipped.toString();
  }
}
