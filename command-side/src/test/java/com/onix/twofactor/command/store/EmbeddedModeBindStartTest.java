package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onix.twofactor.command.CommandSideApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side on the embedded store does not start when told to listen beyond loopback. */
class EmbeddedModeBindStartTest {

  @TempDir Path data;

  @Test
  void theCommandSideRefusesToStartOnTheEmbeddedStoreBoundToEveryInterface() {
    SpringApplicationBuilder service = new SpringApplicationBuilder(CommandSideApplication.class);

    assertThatThrownBy(
            () -> {
              // Arguments, as the configuration files would override default properties.
              try (var started =
                  service.run(
                      "--server.address=0.0.0.0",
                      "--server.port=0",
                      "--onix.data-dir=" + data,
                      "--axon.update-check.disabled=true")) {
                // started: the assertion below fails
              }
            })
        .rootCause()
        .hasMessageContaining("not a loopback address")
        .hasMessageContaining("ONIX_MONGO_URI");
    assertThat(Files.exists(data.resolve("store"))).as("no store was opened").isFalse();
  }
}
