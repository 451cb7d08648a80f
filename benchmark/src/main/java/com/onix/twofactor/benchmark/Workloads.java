package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import com.onix.twofactor.benchmark.Population.Organization;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The operations each measurement sends, one instance per load thread. */
final class Workloads {

  /** A user and the access code an admin issued to them. */
  record IssuedCode(BenchUser user, String code) {}

  private Workloads() {}

  /** {@code GET /caller}: authentication and the framework, and nothing else. */
  static Supplier<Operation> baseline(Api api, URI side, String token) {
    HttpRequest request = Api.get(side, "/caller", token);
    return () -> operation(200, () -> () -> api.status(request));
  }

  /** A fresh, valid code of a different user each time: the sign-in page's common case. */
  static Supplier<Operation> verifyTotp(Api api, TotpUserPool pool, String signInToken) {
    return () ->
        operation(
            200,
            () -> {
              TotpUserPool.Lease lease = pool.lease();
              if (lease == null) {
                return null;
              }
              HttpRequest request =
                  Api.post(
                      api.command,
                      "/sign-in/verifications",
                      signInToken,
                      Map.of(
                          "userId",
                          lease.slot().user.id(),
                          "method",
                          "TOTP",
                          "code",
                          lease.code()));
              return () -> {
                try {
                  return api.status(request);
                } finally {
                  pool.release(lease);
                }
              };
            });
  }

  /** The sign-in page's first question, for any user: enrolled, not enrolled or exempt. */
  static Supplier<Operation> requirements(Api api, List<BenchUser> users, String signInToken) {
    return () ->
        operation(
            200,
            () -> {
              BenchUser user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
              HttpRequest request =
                  Api.get(
                      api.query,
                      "/sign-in/requirements?email=" + encode(user.email()),
                      signInToken);
              return () -> api.status(request);
            });
  }

  /**
   * An admin's <i>Get access code</i>; a user is issued one code at a time, so the last code issued
   * to each user is the active one, which {@code issued} keeps for the access-code sign-ins.
   */
  static Supplier<Operation> issueAccessCode(
      Api api, Queue<BenchUser> users, Map<String, IssuedCode> issued) {
    return () ->
        operation(
            201,
            () -> {
              BenchUser user = users.poll();
              if (user == null) {
                return null;
              }
              HttpRequest request = issueRequest(api, user);
              return () -> {
                try {
                  Api.Reply reply = api.send(request);
                  if (reply.status() == 201) {
                    issued.put(user.id(), new IssuedCode(user, reply.json().path("code").asText()));
                  }
                  return reply.status();
                } finally {
                  users.add(user);
                }
              };
            });
  }

  static HttpRequest issueRequest(Api api, BenchUser user) {
    return Api.post(
        api.command,
        "/organizations/" + user.organization().id() + "/users/" + user.id() + "/access-codes",
        user.organization().adminToken(),
        Map.of("lifetimeMinutes", 60));
  }

  /** Try another way: each issued code once, until none is left. */
  static Supplier<Operation> verifyAccessCode(
      Api api, Queue<IssuedCode> codes, String signInToken) {
    return () ->
        operation(
            200,
            () -> {
              IssuedCode issued = codes.poll();
              if (issued == null) {
                return Operation.EXHAUSTED;
              }
              HttpRequest request =
                  Api.post(
                      api.command,
                      "/sign-in/verifications",
                      signInToken,
                      Map.of(
                          "userId",
                          issued.user().id(),
                          "method",
                          "ACCESS_CODE",
                          "code",
                          issued.code()));
              return () -> api.status(request);
            });
  }

  /**
   * An auditor paging through an organization's history, 100 events a page, following {@code next}
   * for up to 20 pages before starting again at another organization's first page.
   */
  static Supplier<Operation> auditPages(Api api, List<Organization> organizations) {
    return () -> new AuditPager(api, organizations);
  }

  private static final class AuditPager implements Operation {
    private static final int PAGES_PER_WALK = 20;
    private final Api api;
    private final List<Organization> organizations;
    private Organization organization;
    private String cursor;
    private int pages;

    AuditPager(Api api, List<Organization> organizations) {
      this.api = api;
      this.organizations = organizations;
    }

    @Override
    public Prepared prepare() {
      if (organization == null || cursor == null || pages >= PAGES_PER_WALK) {
        organization = organizations.get(ThreadLocalRandom.current().nextInt(organizations.size()));
        cursor = null;
        pages = 0;
      }
      String path =
          "/organizations/"
              + organization.id()
              + "/audit-events?limit=100"
              + (cursor == null ? "" : "&cursor=" + encode(cursor));
      HttpRequest request = Api.get(api.query, path, organization.adminToken());
      return () -> {
        Api.Reply reply = api.send(request);
        pages++;
        cursor = reply.status() == 200 ? nextCursor(reply.body()) : null;
        return reply.status();
      };
    }

    @Override
    public int expectedStatus() {
      return 200;
    }
  }

  /** The page's {@code next}, found without parsing the whole page. */
  static String nextCursor(String page) {
    int at = page.lastIndexOf("\"next\":");
    if (at < 0) {
      return null;
    }
    int value = at + "\"next\":".length();
    if (page.startsWith("null", value) || page.charAt(value) != '"') {
      return null;
    }
    int end = page.indexOf('"', value + 1);
    return end < 0 ? null : page.substring(value + 1, end);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  interface Preparer {
    Operation.Prepared prepare() throws Exception;
  }

  private static Operation operation(int expectedStatus, Preparer preparer) {
    return new Operation() {
      @Override
      public Prepared prepare() throws Exception {
        return preparer.prepare();
      }

      @Override
      public int expectedStatus() {
        return expectedStatus;
      }
    };
  }
}
