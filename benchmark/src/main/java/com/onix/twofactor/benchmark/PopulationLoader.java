package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import com.onix.twofactor.benchmark.Population.Kind;
import com.onix.twofactor.benchmark.Population.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.codec.binary.Base32;

/**
 * Loads the population through the public API, as admins and the sign-in page would: organizations
 * (every other one requiring 2FA), users of three kinds, and the TOTP enrollment of the enrolled
 * ones, from the secret the setup answers to a confirmed code.
 */
final class PopulationLoader {

  /** Out of every 20 users: 15 enrolled with TOTP, 3 with a password and no 2FA, 2 Entra ID. */
  static Kind kindOf(int index) {
    int slot = index % 20;
    return slot < 15 ? Kind.TOTP : slot < 18 ? Kind.PASSWORD : Kind.ENTRA_ID;
  }

  private final Api api;
  private final TokenMinter tokens;
  private final Progress progress;

  PopulationLoader(Api api, TokenMinter tokens, Progress progress) {
    this.api = api;
    this.tokens = tokens;
    this.progress = progress;
  }

  Population load(int organizationCount, int userCount, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      Future<String> operator =
          pool.submit(() -> tokens.mint("bench-operator", null, "PLATFORM_OPERATOR"));
      Future<String> signIn =
          pool.submit(() -> tokens.mint("bench-sign-in-page", null, "SIGN_IN_SERVICE"));
      List<Organization> organizations = organizations(organizationCount, operator.get(), pool);
      String signInToken = signIn.get();
      List<Future<BenchUser>> registered = new ArrayList<>();
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < userCount; i++) {
        int index = i;
        Organization organization = organizations.get(i % organizations.size());
        registered.add(
            pool.submit(
                () -> {
                  BenchUser user = user(index, organization, signInToken);
                  int count = done.incrementAndGet();
                  if (count % 500 == 0) {
                    progress.say("  population: %,d of %,d users", count, userCount);
                  }
                  return user;
                }));
      }
      List<BenchUser> users = new ArrayList<>();
      for (Future<BenchUser> user : registered) {
        users.add(unwrap(user));
      }
      return new Population(operator.get(), signInToken, organizations, users);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Organization> organizations(int count, String operatorToken, ExecutorService pool)
      throws Exception {
    List<Future<Organization>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      created.add(
          pool.submit(
              () -> {
                String id =
                    api.send(
                            Api.post(
                                api.command,
                                "/organizations",
                                operatorToken,
                                Map.of("name", "Bench organization " + index)))
                        .expect(201)
                        .json()
                        .path("organizationId")
                        .asText();
                String admin = tokens.mint("bench-admin-" + index, id, "ORG_ADMIN", "AUDITOR");
                boolean required = index % 2 == 0;
                if (required) {
                  api.send(
                          Api.put(
                              api.command,
                              "/organizations/" + id + "/two-factor-policy",
                              admin,
                              Map.of("required", true)))
                      .expect(200);
                }
                return new Organization(id, admin, required);
              }));
    }
    List<Organization> organizations = new ArrayList<>();
    for (Future<Organization> organization : created) {
      organizations.add(unwrap(organization));
    }
    return organizations;
  }

  private BenchUser user(int index, Organization organization, String signInToken) {
    Kind kind = kindOf(index);
    String email = "user" + index + "@org-" + organization.id().substring(0, 8) + ".bench.example";
    String userId =
        api.send(
                Api.post(
                    api.command,
                    "/organizations/" + organization.id() + "/users",
                    organization.adminToken(),
                    Map.of(
                        "email",
                        email,
                        "displayName",
                        "Bench user " + index,
                        "signInMethod",
                        kind == Kind.ENTRA_ID ? "ENTRA_ID" : "PASSWORD")))
            .expect(201)
            .json()
            .path("userId")
            .asText();
    if (kind != Kind.TOTP) {
      return new BenchUser(userId, organization, email, kind, null, Long.MIN_VALUE);
    }
    Enrollment enrollment = enroll(userId, signInToken);
    return new BenchUser(userId, organization, email, kind, enrollment.secret, enrollment.step);
  }

  private record Enrollment(byte[] secret, long step) {}

  /** Setup, then confirm with the earliest code the service takes, leaving later ones free. */
  private Enrollment enroll(String userId, String signInToken) {
    String secretText =
        api.send(Api.post(api.command, "/users/" + userId + "/two-factor/setup", signInToken, null))
            .expect(201)
            .json()
            .path("secret")
            .asText();
    byte[] secret = new Base32().decode(secretText);
    TotpUserPool.Slot fresh = new TotpUserPool.Slot(null, Long.MIN_VALUE / 2);
    long step = TotpUserPool.usableStep(fresh, System.currentTimeMillis());
    Api.Reply confirmed = confirm(userId, signInToken, TotpCodes.codeAt(secret, step));
    if (confirmed.status() == 422) {
      // A step boundary passed meanwhile; the current step's code is good for 30 s.
      step = TotpCodes.stepAt(System.currentTimeMillis());
      confirmed = confirm(userId, signInToken, TotpCodes.codeAt(secret, step));
    }
    confirmed.expect(200);
    return new Enrollment(secret, step);
  }

  private Api.Reply confirm(String userId, String signInToken, String code) {
    return api.send(
        Api.post(
            api.command,
            "/users/" + userId + "/two-factor/setup/confirm",
            signInToken,
            Map.of("code", code)));
  }

  static <T> T unwrap(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
