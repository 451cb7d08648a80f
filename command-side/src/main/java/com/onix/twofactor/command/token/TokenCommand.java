package com.onix.twofactor.command.token;

import com.onix.twofactor.support.security.DevTokens;
import com.onix.twofactor.support.security.LocalSigningKey;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.security.TokenSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code ./onix token --role ROLE [--role ROLE] [--org ORG] [--sub ID] [--ttl SECONDS]}: prints a
 * token signed with the local development key, and nothing else, so that {@code $(./onix token
 * ...)} works in a shell.
 */
public final class TokenCommand {

  public static final String NAME = "token";
  static final String USAGE =
      "usage: onix token --role ROLE [--role ROLE...] [--org ORG_ID] [--sub ID] [--ttl SECONDS]";

  private TokenCommand() {}

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> roles = new ArrayList<>();
    String organization = null;
    String subject = "local-developer";
    long ttlSeconds = 3600;
    try {
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          out.println(USAGE);
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--role" -> roles.addAll(parseRoles(value));
          case "--org" -> organization = value;
          case "--sub" -> subject = value;
          case "--ttl" -> ttlSeconds = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("give at least one --role");
      }
    } catch (NumberFormatException e) {
      err.println("--ttl takes whole seconds\n" + USAGE);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    Duration maxLifetime = maxLifetime(env);
    if (Duration.ofSeconds(ttlSeconds).compareTo(maxLifetime) > 0) {
      err.println(
          "--ttl is at most "
              + maxLifetime.toSeconds()
              + " seconds: the services refuse longer-lived tokens (ONIX_JWT_MAX_LIFETIME)");
      return 2;
    }
    Path dataDirectory = Path.of(env.getOrDefault("ONIX_DATA_DIR", "./data"));
    String issuer = env.getOrDefault("ONIX_JWT_ISSUER", LocalSigningKey.LOCAL_ISSUER);
    String audience = env.getOrDefault("ONIX_JWT_AUDIENCE", "");
    DevTokens tokens =
        new DevTokens(
            LocalSigningKey.loadOrCreate(dataDirectory),
            issuer,
            audience.isBlank() ? TokenSettings.DEFAULT_AUDIENCE : audience.strip());
    out.println(
        tokens.mint(subject, roles, organization, Duration.ofSeconds(ttlSeconds), Instant.now()));
    return 0;
  }

  private static Duration maxLifetime(Map<String, String> env) {
    String configured = env.get("ONIX_JWT_MAX_LIFETIME");
    return configured == null || configured.isBlank()
        ? TokenSettings.DEFAULT_MAX_LIFETIME
        : DurationStyle.detectAndParse(configured);
  }

  private static List<String> parseRoles(String value) {
    List<String> roles = new ArrayList<>();
    for (String name : value.split(",")) {
      String role = name.trim();
      if (OnixRole.parse(role).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown role " + role + "; one of " + Arrays.toString(OnixRole.values()));
      }
      roles.add(role);
    }
    return roles;
  }
}
