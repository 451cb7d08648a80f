package com.onix.twofactor.command.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that speaks SMTP and refuses every recipient with {@code 550 5.1.1}, as a real
 * server does for an address that does not exist. GreenMail accepts every recipient.
 */
final class RefusingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;
  final AtomicInteger refusals = new AtomicInteger();

  RefusingSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "refusing-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closedOrDropped) {
        // the next connection, if the server is still open
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
    reply(out, "220 refusing.test ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 refusing.test");
        case "MAIL" -> reply(out, "250 2.1.0 Ok");
        case "RCPT" -> {
          refusals.incrementAndGet();
          reply(out, "550 5.1.1 No such user here");
        }
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return;
        }
        case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
        default -> reply(out, "502 5.5.2 Command not recognized");
      }
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
