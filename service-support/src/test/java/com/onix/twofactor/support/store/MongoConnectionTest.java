package com.onix.twofactor.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MongoConnectionTest {

  @Test
  void aConfiguredUriIsUsedAsIs() {
    StoreSettings settings = new StoreSettings("mongodb://db1,db2/?replicaSet=rs0", "onix", 27018);

    assertThat(settings.embedded()).isFalse();
    assertThat(MongoConnection.uriFor(settings, null))
        .isEqualTo("mongodb://db1,db2/?replicaSet=rs0");
  }

  @Test
  void withoutAUriTheEmbeddedStoreIsReachedOnLoopback() {
    StoreSettings settings = new StoreSettings("", null, 27018);

    assertThat(settings.embedded()).isTrue();
    assertThat(settings.database()).isEqualTo("onix");
    assertThat(MongoConnection.uriFor(settings, null))
        .isEqualTo("mongodb://127.0.0.1:27018/?directConnection=true");
  }

  @Test
  void theHostingProcessUsesTheAddressTheServerActuallyBound() {
    StoreSettings settings = new StoreSettings(null, "onix", 0);
    EmbeddedStoreEndpoint bound = () -> new InetSocketAddress("127.0.0.1", 40123);

    assertThat(MongoConnection.uriFor(settings, bound))
        .isEqualTo("mongodb://127.0.0.1:40123/?directConnection=true");
  }
}
