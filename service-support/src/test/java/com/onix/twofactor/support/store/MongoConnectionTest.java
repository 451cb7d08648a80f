package com.onix.twofactor.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.UnixServerAddress;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MongoConnectionTest {

  private static final Path DATA = Path.of("/var/lib/onix");

  @Test
  void aConfiguredUriIsUsedAsIs() {
    StoreSettings settings = new StoreSettings("mongodb://db1,db2/?replicaSet=rs0", "onix");

    assertThat(settings.embedded()).isFalse();
    assertThat(MongoConnection.uriFor(settings, null, DATA))
        .isEqualTo("mongodb://db1,db2/?replicaSet=rs0");
  }

  @Test
  void withoutAUriTheEmbeddedStoreIsReachedOnItsSocketInTheDataDirectory() {
    StoreSettings settings = new StoreSettings("", null);

    assertThat(settings.embedded()).isTrue();
    assertThat(settings.database()).isEqualTo("onix");
    assertThat(MongoConnection.uriFor(settings, null, DATA))
        .isEqualTo(
            "mongodb://%2Fvar%2Flib%2Fonix%2Fstore-socket%2Fstore.sock/?directConnection=true");
  }

  @Test
  void theDriverReadsTheSocketPathBackFromTheUri() {
    Path socket = Path.of("/tmp/a dir+with%odd&chars/store-socket/store.sock");

    ConnectionString parsed = new ConnectionString(EmbeddedStoreSocket.connectionString(socket));

    assertThat(parsed.getHosts()).containsExactly(socket.toString());
    try (var client = MongoClients.create(parsed)) {
      assertThat(client.getClusterDescription().getClusterSettings().getHosts())
          .singleElement()
          .isInstanceOf(UnixServerAddress.class);
    }
  }

  @Test
  void theHostingProcessUsesTheSocketItsServerListensOn() {
    StoreSettings settings = new StoreSettings(null, "onix");
    EmbeddedStoreEndpoint bound = () -> Path.of("/run/elsewhere/store.sock");

    assertThat(MongoConnection.uriFor(settings, bound, DATA))
        .isEqualTo("mongodb://%2Frun%2Felsewhere%2Fstore.sock/?directConnection=true");
  }

  @Test
  void aRelativeDataDirectoryGivesAnAbsoluteSocketPath() {
    Path socket = EmbeddedStoreSocket.in(Path.of("data"));

    assertThat(socket.isAbsolute()).isTrue();
    assertThat(socket.endsWith(Path.of("data", "store-socket", "store.sock"))).isTrue();
  }

  @Test
  void aSocketPathLongerThanTheKernelAllowsIsRefusedClearly() {
    Path deep = Path.of("/tmp", "x".repeat(100));

    assertThatThrownBy(() -> EmbeddedStoreSocket.in(deep))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shorter ONIX_DATA_DIR");
  }

  @Test
  void aSocketPathTheDriverWouldMisreadIsRefusedClearly() {
    assertThatThrownBy(() -> EmbeddedStoreSocket.in(Path.of("/srv/onix:2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("':'");
  }

  @Test
  void aDataDirectoryWithCapitalsIsRefusedWithAReason() {
    // The driver would look for /home/ann/data's socket: better said at start than a timeout.
    assertThatThrownBy(() -> EmbeddedStoreSocket.in(Path.of("/home/Ann/data")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lower case");
  }
}
