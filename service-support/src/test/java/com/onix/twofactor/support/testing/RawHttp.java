package com.onix.twofactor.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends exactly the bytes given to a loopback port and reads the one answer, so tests can send what
 * no well-behaved HTTP client would: invalid request lines, {@code %00} in a path, TRACE, headers
 * over the server's limit. Each request is sent on its own connection, which the server closes.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 30_000;

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** What came back; {@code status} -1 when the server closed the connection without an answer. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String contentType() {
      String type = header("content-type");
      return type == null ? "" : type;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String text = text();
      return status
          + " "
          + contentType()
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /** A request of {@code method} and {@code target} with the given header lines, and no body. */
  public Answer send(String method, String target, String... headerLines) {
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return send(request.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  public Answer send(byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // The server may answer and close before it has read everything sent: read what it said.
      }
      return read(socket.getInputStream(), isHead(request));
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no answer within " + TIMEOUT_MILLIS + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isHead(byte[] request) {
    return request.length >= 5
        && new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
  }

  private static Answer read(InputStream in, boolean head) throws IOException {
    byte[] all;
    try {
      all = in.readAllBytes();
    } catch (IOException reset) {
      all = new byte[0];
    }
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (all.length == 0 || end < 0) {
      return new Answer(-1, Map.of(), all);
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    byte[] body = head ? new byte[0] : encoding.contains("chunked") ? dechunk(rest) : rest;
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeText.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, pattern, 0);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
