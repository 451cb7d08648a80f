package com.onix.twofactor.command.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.CommandSideApplication;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TestDataDirectory;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On the durable embedded store (H2 files, not memory): once a reset has answered, no file under
 * the data directory holds the user's data key, neither as stored (wrapped) nor raw, within the
 * bound the README states.
 */
@SpringBootTest(
    classes = {CommandSideApplication.class, StoredDataKeys.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CryptoShreddingOnDiskHttpTest extends TwoFactorIntegrationTest {

  /** The bound the README promises. */
  private static final Duration BOUND = Duration.ofMinutes(1);

  @org.springframework.beans.factory.annotation.Autowired private StoredDataKeys storedKeys;

  @Test
  void afterAResetNoFileUnderTheDataDirectoryHoldsTheKeyWrappedOrRaw() throws Exception {
    Enrolled user = enrolledUser();
    String keyId = onlySetupKeyId(user.userId());
    StoredDataKeys.Stored stored = storedKeys.of(keyId);
    assertThat(filesHolding(stored.wrapped())).as("files holding the wrapped key").isNotEmpty();

    Response reset = reset(user.organizationId(), user.userId());
    assertThat(reset.status()).as("%s", reset).isEqualTo(200);

    long deadline = System.nanoTime() + BOUND.toNanos();
    List<Path> holding = holdingEither(stored);
    while (!holding.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      holding = holdingEither(stored);
    }
    assertThat(holding).as("files holding the key %s after the reset", BOUND).isEmpty();
  }

  private String onlySetupKeyId(String userId) {
    List<TwoFactorSetupStarted> setups =
        storedPayloads(userId).stream()
            .filter(TwoFactorSetupStarted.class::isInstance)
            .map(TwoFactorSetupStarted.class::cast)
            .toList();
    assertThat(setups).hasSize(1);
    return setups.get(0).keyId();
  }

  private static List<Path> holdingEither(StoredDataKeys.Stored stored) throws IOException {
    List<Path> holding = new ArrayList<>(filesHolding(stored.wrapped()));
    holding.addAll(filesHolding(stored.raw()));
    return holding;
  }

  /** Every regular file under the data directory whose bytes contain {@code needle}. */
  static List<Path> filesHolding(byte[] needle) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestDataDirectory.PATH)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content;
        try {
          content = Files.readAllBytes(file);
        } catch (IOException gone) {
          continue; // removed while walking
        }
        if (indexOf(content, needle) >= 0) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int start = 0; start + needle.length <= haystack.length; start++) {
      for (int i = 0; i < needle.length; i++) {
        if (haystack[start + i] != needle[i]) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }
}
