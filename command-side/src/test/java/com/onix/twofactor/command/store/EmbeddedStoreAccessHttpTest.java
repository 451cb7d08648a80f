package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.TestDataDirectory;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded store listens on a Unix domain socket in an owner-only directory: the services' own
 * OS user reaches it, any other user is refused by the kernel before a byte is exchanged.
 */
class EmbeddedStoreAccessHttpTest extends CommandSideIntegrationTest {

  private static final int NOBODY = 65534;

  /** Connects, sends one wire-protocol message and prints what happened; JDK only. */
  private static final String PROBE =
      """
      import java.net.UnixDomainSocketAddress;
      import java.nio.ByteBuffer;
      import java.nio.ByteOrder;
      import java.nio.channels.SocketChannel;
      import java.util.HexFormat;

      public class Probe {
        public static void main(String[] args) {
          try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
            System.out.println("CONNECTED");
            channel.write(ByteBuffer.wrap(HexFormat.of().parseHex(args[1])));
            ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (length.hasRemaining() && channel.read(length) >= 0) {}
            if (!length.hasRemaining()) {
              ByteBuffer rest = ByteBuffer.allocate(length.flip().getInt() - 4);
              while (rest.hasRemaining() && channel.read(rest) >= 0) {}
              System.out.println("ANSWERED " + (rest.position() + 4));
            }
          } catch (Exception e) {
            System.out.println("REFUSED " + e.getMessage());
          }
        }
      }
      """;

  @Autowired private EmbeddedStore store;

  @Test
  void theStoreListensOnASocketInAnOwnerOnlyDirectoryOfTheDataDirectory() throws IOException {
    Path socket = store.socket();

    assertThat(socket).startsWith(TestDataDirectory.PATH.toAbsolutePath());
    assertThat(Files.getPosixFilePermissions(socket.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(socket))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theServicesOwnUserGetsAnAnswer() throws Exception {
    List<String> said = probe(false, store.socket());

    assertThat(said).first().isEqualTo("CONNECTED");
    assertThat(said).anySatisfy(line -> assertThat(line).startsWith("ANSWERED "));
  }

  @Test
  void anotherOsUserIsRefusedByTheKernel() throws Exception {
    assumeTrue(
        runningAsRoot(),
        "Needs root to run a client as another OS user (setpriv); as any other user the socket's"
            + " owner-only directory is checked by theStoreListensOnASocketInAnOwnerOnlyDirectory…");

    List<String> said = probe(true, store.socket());

    assertThat(said).singleElement().asString().startsWith("REFUSED").contains("ermission denied");
  }

  @Test
  void theSameClientAsAnotherUserReachesASocketThatIsOpenToAll() throws Exception {
    assumeTrue(runningAsRoot(), "Needs root to run a client as another OS user (setpriv)");
    Path open = Files.createTempDirectory("onix-open-socket-");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path socket = open.resolve("open.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
      Thread acceptor =
          new Thread(
              () -> {
                try (SocketChannel accepted = server.accept()) {
                  // closing at once: the probe only needs to get in
                } catch (IOException ignored) {
                  // the test has ended
                }
              });
      acceptor.start();

      List<String> said = probe(true, socket);

      assertThat(said).first().isEqualTo("CONNECTED");
      acceptor.join(TimeUnit.MINUTES.toMillis(1));
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(open);
    }
  }

  private static boolean runningAsRoot() throws IOException {
    Path mine = Files.createTempFile("onix-uid-", ".probe");
    try {
      return ((Integer) Files.getAttribute(mine, "unix:uid")) == 0
          && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    } finally {
      Files.delete(mine);
    }
  }

  /** Runs the probe in a JVM of its own, as this user or as {@code nobody}. */
  private static List<String> probe(boolean asNobody, Path socket) throws Exception {
    Path directory = Files.createTempDirectory("onix-probe-");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path source = directory.resolve("Probe.java");
    Files.writeString(source, PROBE);
    Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
    try {
      List<String> command = new ArrayList<>();
      if (asNobody) {
        command.addAll(
            List.of(
                "/usr/bin/setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "--"));
      }
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(source.toString(), socket.toString(), isMasterMessage()));
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the probe ended").isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      return out.lines().toList();
    } finally {
      Files.deleteIfExists(source);
      Files.deleteIfExists(directory);
    }
  }

  /** An OP_MSG {@code {isMaster: 1, $db: "admin"}}, as hex. */
  private static String isMasterMessage() {
    BasicOutputBuffer body = new BasicOutputBuffer();
    new BsonDocumentCodec()
        .encode(
            new BsonBinaryWriter(body),
            new BsonDocument("isMaster", new BsonInt32(1)).append("$db", new BsonString("admin")),
            EncoderContext.builder().build());
    byte[] document = body.toByteArray();
    int length = 16 + 4 + 1 + document.length;
    java.nio.ByteBuffer message =
        java.nio.ByteBuffer.allocate(length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    message.putInt(length).putInt(1).putInt(0).putInt(2013); // header: OP_MSG
    message.putInt(0).put((byte) 0).put(document); // no flags, one body section
    return HexFormat.of().formatHex(message.array());
  }
}
