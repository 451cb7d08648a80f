package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server's wire protocol served on a Unix domain socket instead of TCP. Its own {@code
 * MongoServer} binds TCP only; the handlers are the same. The socket lies in a directory only its
 * owner may enter, and connecting to a Unix socket needs search permission on its directory, so
 * another OS user cannot open a connection at all (the store has no authentication).
 */
final class UnixSocketMongoServer implements AutoCloseable {

  private final MongoBackend backend;
  private final Path socket;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup clients;
  private final Channel listening;

  private UnixSocketMongoServer(MongoBackend backend, Path socket) {
    this.backend = backend;
    this.socket = socket;
    this.boss = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
    this.workers = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
    this.clients = new DefaultChannelGroup("mongodb-channels", workers.next());
    try {
      this.listening =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerDomainSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                      channel
                          .pipeline()
                          .addLast(new MongoWireReplyEncoder())
                          .addLast(new MongoWireMessageEncoder())
                          .addLast(new MongoWireProtocolHandler())
                          .addLast(new MongoDatabaseHandler(backend, clients))
                          .addLast(new MongoExceptionHandler());
                    }
                  })
              .bind(UnixDomainSocketAddress.of(socket))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      shutDownEventLoops();
      throw e;
    }
  }

  /**
   * Listens on {@code socket}, creating its directory owner-only (or making it so) and replacing a
   * socket file a dead process left behind. The caller makes sure no live server owns it (the
   * store's file lock does).
   */
  static UnixSocketMongoServer listen(MongoBackend backend, Path socket) {
    Path directory = socket.getParent();
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the store's socket directory " + directory, e);
    }
    UnixSocketMongoServer server = new UnixSocketMongoServer(backend, socket);
    try {
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("cannot restrict the store's socket " + socket, e);
    }
    return server;
  }

  Path socket() {
    return socket;
  }

  @Override
  public void close() {
    listening.close().syncUninterruptibly();
    clients.close().syncUninterruptibly();
    shutDownEventLoops();
    backend.close();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // the next start replaces it
    }
  }

  private void shutDownEventLoops() {
    boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
