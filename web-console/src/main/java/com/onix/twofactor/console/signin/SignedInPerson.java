package com.onix.twofactor.console.signin;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in to the console, from the claims of their token (the token the APIs accept), and
 * that token, which every API call carries. Kept in the server-side session only.
 */
public record SignedInPerson(
    String subject, Set<String> roles, String organizationId, String token, Instant expiresAt)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private static final String ATTRIBUTE = SignedInPerson.class.getName();

  public SignedInPerson {
    roles = Set.copyOf(roles);
  }

  /** An organization admin may change things; an auditor (and anyone else) only reads. */
  public boolean canChange() {
    return roles.contains("ORG_ADMIN");
  }

  /** Auditors check the history's integrity and keep its signed checkpoints. */
  public boolean audits() {
    return roles.contains("AUDITOR");
  }

  public boolean canRead() {
    return organizationId != null && (roles.contains("ORG_ADMIN") || roles.contains("AUDITOR"));
  }

  public String roleName() {
    return canChange() ? "Organization admin" : "Auditor";
  }

  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  public void keepIn(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }

  public static Optional<SignedInPerson> in(HttpSession session) {
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SignedInPerson) session.getAttribute(ATTRIBUTE));
  }

  @Override
  public String toString() {
    return "SignedInPerson[subject="
        + subject
        + ", roles="
        + roles
        + ", org="
        + organizationId
        + "]";
  }
}
