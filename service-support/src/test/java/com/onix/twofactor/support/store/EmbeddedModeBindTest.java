package com.onix.twofactor.support.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedModeBindTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
  void aLoopbackAddressIsAccepted(String address) {
    assertThatCode(() -> EmbeddedModeBind.requireLoopback(address)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
  void anyOtherBindIsRefusedWithWhatToDoInstead(String address) {
    assertThatThrownBy(() -> EmbeddedModeBind.requireLoopback(address))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a loopback address")
        .hasMessageContaining("ONIX_MONGO_URI");
  }

  @Test
  void theRefusalNamesTheAddress() {
    assertThatThrownBy(() -> EmbeddedModeBind.requireLoopback("0.0.0.0"))
        .hasMessageContaining("'0.0.0.0'");
  }
}
