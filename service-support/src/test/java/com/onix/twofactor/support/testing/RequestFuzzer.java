package com.onix.twofactor.support.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Random requests against a service's routes, each built from one seed so that a failure can be
 * sent again: random methods, path segments, query parameters, headers, content types, encodings
 * and bodies (invalid UTF-8, huge numbers, deep nesting, duplicate keys, truncated JSON, over the
 * body limit). Every answer must be below 500 and, when it is an error, a problem document.
 */
public final class RequestFuzzer {

  /** A route the service maps, as its method and path pattern ({@code /users/{userId}}). */
  public record Route(String method, String pattern) {}

  /** One request that broke the rule, and how to send it again. */
  public record Finding(long seed, int index, String request, String answer, String fault) {
    @Override
    public String toString() {
      return "request #"
          + index
          + " of seed "
          + seed
          + ": "
          + fault
          + "\n  sent: "
          + request
          + "\n  got:  "
          + answer;
    }
  }

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get"
  };

  private static final String[] ODD_SEGMENTS = {
    "not-a-uuid",
    "",
    "%00",
    "%C0%AF",
    "%FF%FE",
    "%E2%82%AC",
    "..",
    ".",
    "%2e%2e",
    "%2F",
    "a;jsessionid=1",
    "00000000-0000-0000-0000-000000000000",
    "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    "%20",
    "x".repeat(300),
    "%uD800",
    "1e309",
    "-1",
    "{orgId}"
  };

  private static final String[] PARAMETERS = {
    "limit",
    "cursor",
    "type",
    "userId",
    "from",
    "to",
    "asOf",
    "twoFactor",
    "signInMethod",
    "email",
    "status",
    "minVersion",
    "q",
    "limit[]",
    ""
  };

  private static final String[] VALUES = {
    "99999999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "2147483648",
    "-9223372036854775809",
    "%FF%FE",
    "%C0%AF",
    "%00",
    "%",
    "%zz",
    "",
    "2026-13-45T99:99:99Z",
    "2026-12-01T00:00:00Z",
    "-999999999-01-01T00:00:00Z",
    "%E2%82%AC",
    "PASSWORD",
    "SETUP_REQUIRED",
    "TwoFactorReset",
    "a%40b.example",
    "not-a-uuid",
    "AAAA",
    "____",
    "x".repeat(2_000)
  };

  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json; charset=UTF-8",
    "application/json; charset=ISO-8859-1",
    "application/json; charset=no-such-charset",
    "application/json; charset=UTF-16",
    "application/problem+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/xml",
    "application/*",
    "*/*",
    "garbage",
    "application/json;;;",
    "application/x-ndjson"
  };

  private static final String[] ACCEPTS = {
    "*/*",
    "application/json",
    "application/x-ndjson",
    "application/problem+json",
    "text/html",
    "application/xml",
    "garbage/",
    "application/json;q=0",
    "text/event-stream",
    "image/png"
  };

  private static final String[] FIELDS = {
    "name", "email", "displayName", "signInMethod", "required", "allowed", "lifetimeMinutes",
    "reason", "code", "userId", "method", "redirectUri", "state", "nonce"
  };

  private final int port;
  private final List<Route> routes;
  private final List<String> authorizations;
  private final Function<String, String> knownIds;

  /**
   * @param authorizations {@code Authorization} header values to pick from (null for none)
   * @param knownIds for a path variable's name, an id that exists in the service, or null
   */
  public RequestFuzzer(
      int port,
      List<Route> routes,
      List<String> authorizations,
      Function<String, String> knownIds) {
    this.port = port;
    this.routes = List.copyOf(routes);
    this.authorizations = new ArrayList<>(authorizations);
    this.knownIds = knownIds;
  }

  /** Sends {@code count} requests built from {@code seed}; what broke the rule, if anything. */
  /** Every route {@code mappings} serve, and the {@code extras} ("GET /path") a test adds. */
  public static List<Route> routesOf(RequestMappingHandlerMapping mappings, List<String> extras) {
    TreeSet<String> served = new TreeSet<>(extras);
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                  served.add(method.name() + " " + pattern);
                }
              }
            });
    List<Route> routes = new ArrayList<>();
    for (String route : served) {
      String[] parts = route.split(" ", 2);
      routes.add(new Route(parts[0], parts[1]));
    }
    return routes;
  }

  public List<Finding> run(long seed, int count) {
    Random random = new Random(seed);
    RawHttp raw = new RawHttp(port);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] request = request(random);
      RawHttp.Answer answer = raw.send(request);
      fault(request, answer)
          .ifPresent(
              fault ->
                  findings.add(
                      new Finding(seed, findings.size(), printable(request), "" + answer, fault)));
    }
    return findings;
  }

  static Optional<String> fault(byte[] request, RawHttp.Answer answer) {
    if (answer.status() < 0) {
      return Optional.of("no answer");
    }
    if (answer.status() >= 500) {
      return Optional.of("a server error");
    }
    if (answer.status() >= 400) {
      boolean head = new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
      return ProblemCheck.fault(answer, !head).map(fault -> "not a problem document: " + fault);
    }
    return Optional.empty();
  }

  byte[] request(Random random) {
    if (random.nextInt(12) == 0) {
      return oddlyFramed(random);
    }
    Route route = routes.get(random.nextInt(routes.size()));
    String method =
        random.nextInt(4) == 0 ? METHODS[random.nextInt(METHODS.length)] : route.method();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path(random, route.pattern()));
    head.append(query(random)).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    String authorization = authorizations.get(random.nextInt(authorizations.size()));
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (random.nextInt(3) > 0) {
      head.append("Accept: ").append(ACCEPTS[random.nextInt(ACCEPTS.length)]).append("\r\n");
    }
    if (random.nextInt(6) == 0) {
      head.append("X-Request-Id: ").append(requestId(random)).append("\r\n");
    }
    if (random.nextInt(8) == 0) {
      head.append("Content-Encoding: gzip\r\n");
    }
    if (random.nextInt(10) == 0) {
      head.append("Accept-Charset: no-such-charset\r\n");
    }
    if (random.nextInt(10) == 0) {
      head.append("Range: bytes=0-1,5-2\r\n");
    }
    byte[] body = random.nextInt(5) == 0 ? null : body(random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (body != null) {
      if (random.nextInt(4) > 0) {
        head.append("Content-Type: ")
            .append(CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)])
            .append("\r\n");
      }
      boolean chunked = random.nextInt(3) == 0;
      head.append(
          chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
      head.append("Connection: close\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (chunked) {
        writeChunked(out, body, 1 + random.nextInt(8_192));
      } else {
        out.writeBytes(body);
      }
    } else {
      head.append("Connection: close\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  /** Requests whose framing itself is unusual or wrong: what the HTTP server must answer. */
  private byte[] oddlyFramed(Random random) {
    String host = "Host: 127.0.0.1:" + port + "\r\n";
    String close = "Connection: close\r\n";
    String text =
        switch (random.nextInt(10)) {
          case 0 -> "OPTIONS * HTTP/1.1\r\n" + host + close + "\r\n";
          case 1 -> "GET http://127.0.0.1:" + port + "/caller HTTP/1.1\r\n" + host + close + "\r\n";
          case 2 -> "GET /caller HTTP/1.0\r\n\r\n";
          case 3 ->
              "POST /organizations HTTP/1.1\r\n"
                  + host
                  + close
                  + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
          case 4 ->
              "POST /organizations HTTP/1.1\r\n"
                  + host
                  + close
                  + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
          case 5 ->
              "POST /organizations HTTP/1.1\r\n"
                  + host
                  + close
                  + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
          case 6 -> "GET /caller HTTP/1.1\r\n" + host + "NoColonHere\r\n" + close + "\r\n";
          case 7 -> "GET /caller HTTP/1.1\r\n" + host + "X-A: 1\r\n".repeat(150) + close + "\r\n";
          case 8 -> "GET /caller HTTP/1.1\r\n" + host + "X-Folded: a\r\n b\r\n" + close + "\r\n";
          default -> "GET /caller HTTP/1.1\r\n" + close + "\r\n"; // no Host
        };
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private String path(Random random, String pattern) {
    StringBuilder path = new StringBuilder();
    for (String segment : pattern.substring(1).split("/", -1)) {
      path.append('/');
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String known = knownIds.apply(segment.substring(1, segment.length() - 1));
        int pick = random.nextInt(4);
        path.append(
            pick == 0 || known == null
                ? ODD_SEGMENTS[random.nextInt(ODD_SEGMENTS.length)]
                : pick == 1 ? java.util.UUID.nameUUIDFromBytes(longBytes(random)) : known);
      } else if (random.nextInt(25) == 0) {
        path.append(ODD_SEGMENTS[random.nextInt(ODD_SEGMENTS.length)]);
      } else {
        path.append(segment);
      }
    }
    return switch (random.nextInt(20)) {
      case 0 -> path + "/";
      case 1 -> path + "/" + ODD_SEGMENTS[random.nextInt(ODD_SEGMENTS.length)];
      case 2 -> "/" + path;
      case 3 -> path.toString().toUpperCase(java.util.Locale.ROOT);
      default -> path.toString();
    };
  }

  private static byte[] longBytes(Random random) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String query(Random random) {
    int parameters = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < parameters; i++) {
      query.append(i == 0 ? '?' : '&');
      query.append(PARAMETERS[random.nextInt(PARAMETERS.length)]);
      if (random.nextInt(8) > 0) {
        query.append('=').append(VALUES[random.nextInt(VALUES.length)]);
      }
    }
    return query.toString();
  }

  private static String requestId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "x".repeat(5_000);
      case 1 -> "\u00e9\u00ff\u0080";
      case 2 -> "id with spaces and \" quotes";
      default -> Long.toHexString(random.nextLong());
    };
  }

  private static void writeChunked(ByteArrayOutputStream out, byte[] body, int chunk) {
    for (int at = 0; at < body.length; at += chunk) {
      int n = Math.min(chunk, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] body(Random random) {
    return switch (random.nextInt(16)) {
      case 0 -> "[".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
      case 1 ->
          ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.US_ASCII);
      case 2 -> bytes("{\"name\":\"", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}");
      case 3 -> bytes("{\"code\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF, 0}, "\"}");
      case 4 -> "{\"name\":\"\\uD800\",\"email\":\"\\u0000@x\"}".getBytes(StandardCharsets.UTF_8);
      case 5 -> ("{\"lifetimeMinutes\":" + "9".repeat(400) + "}").getBytes(StandardCharsets.UTF_8);
      case 6 -> "{\"lifetimeMinutes\":1e400,\"required\":1e-400}".getBytes(StandardCharsets.UTF_8);
      case 7 -> "{\"name\":\"x\",\"name\":\"y\"}".getBytes(StandardCharsets.UTF_8);
      case 8 -> "{\"name\":".getBytes(StandardCharsets.UTF_8);
      case 9 -> new byte[70 * 1024];
      case 10 -> "a=1&b=%ZZ&&=&c".getBytes(StandardCharsets.US_ASCII);
      case 11 -> {
        byte[] noise = new byte[1 + random.nextInt(512)];
        random.nextBytes(noise);
        yield noise;
      }
      case 12 -> ("\"" + "x".repeat(60_000) + "\"").getBytes(StandardCharsets.US_ASCII);
      case 13 -> "null".getBytes(StandardCharsets.US_ASCII);
      default -> objectOfKnownFields(random).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** Something like a real body: the API's field names, with values of any type. */
  private static String objectOfKnownFields(Random random) {
    StringBuilder json = new StringBuilder("{");
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
      json.append(
          switch (random.nextInt(10)) {
            case 0 -> "true";
            case 1 -> "null";
            case 2 -> "-9223372036854775809";
            case 3 -> "[]";
            case 4 -> "{}";
            case 5 -> "\"PASSWORD\"";
            case 6 -> "\"TOTP\"";
            case 7 -> "\"" + "y".repeat(random.nextInt(1_000)) + "\"";
            case 8 -> "12.5";
            default -> "\"123456\"";
          });
    }
    return json.append('}').toString();
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The request's head as text, and its body's size and first bytes in hex. */
  static String printable(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    head = head.replace("\r\n", " | ");
    if (head.length() > 600) {
      head = head.substring(0, 600) + "…";
    }
    int bodyLength = end < 0 ? 0 : request.length - end - 4;
    String start =
        bodyLength == 0
            ? ""
            : HexFormat.of().formatHex(request, end + 4, end + 4 + Math.min(bodyLength, 48));
    return head + " || body " + bodyLength + " bytes " + start;
  }
}
